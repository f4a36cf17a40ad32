-- name: names-integer_division
-- dataset: tpch
-- expect: oracle
select 7//2
