-- name: names-one_plus_one
-- dataset: tpch
-- expect: oracle
select 1 + 1
