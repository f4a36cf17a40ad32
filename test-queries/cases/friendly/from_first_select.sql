-- name: friendly-from_first_select
-- dataset: tpch
-- expect: oracle
from nation select n_name, n_regionkey where n_regionkey = 1 order by n_name
