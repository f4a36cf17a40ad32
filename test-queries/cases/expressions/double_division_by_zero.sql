-- name: expressions-double_division_by_zero
-- dataset: tpch
-- expect: oracle
select n_nationkey, cast(n_nationkey as double) / 0 as d from nation where n_nationkey < 3
