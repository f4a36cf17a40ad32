-- name: friendly-from_first_order_by_all
-- dataset: tpch
-- expect: oracle
from region order by all desc
