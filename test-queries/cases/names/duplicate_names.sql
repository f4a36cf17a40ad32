-- name: names-duplicate_names
-- dataset: tpch
-- expect: oracle
select 1, 1, n_name, n_name from nation where n_nationkey = 0
