-- name: expressions-division_by_zero
-- dataset: tpch
-- expect: oracle
select n_nationkey / 0 as d from nation
