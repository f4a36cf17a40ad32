-- name: friendly-from_first_group_by
-- dataset: tpch
-- expect: oracle
from lineitem select l_returnflag, sum(l_quantity) as qty group by all order by all
