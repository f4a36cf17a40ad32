-- name: friendly-group_by_all_expressions
-- dataset: tpch
-- expect: oracle
select n_regionkey * 10 as r10, n_regionkey > 2 as high, count(*) as c, sum(n_nationkey) + 1 as s from nation group by all order by r10
