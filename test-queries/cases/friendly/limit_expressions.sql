-- name: friendly-limit_expressions
-- dataset: tpch
-- expect: oracle
select n_name from nation order by n_name limit 2 + 3 offset 2 * 2
