-- name: ordering-limit_offset
-- dataset: tpch
-- expect: oracle
select n_name from nation order by n_name limit 5 offset 3
