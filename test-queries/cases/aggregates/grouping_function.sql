-- name: aggregates-grouping_function
-- dataset: tpch
-- expect: oracle
select n_regionkey, grouping(n_regionkey) as g, count(*) as n from nation group by rollup (n_regionkey)
