-- name: errors-parse_error
-- dataset: tpch
-- expect: error PARSE_ERROR 2:18
select *
from nation whre n_nationkey = 1
