-- name: aggregates-rollup
-- dataset: tpch
-- expect: oracle
select n_regionkey, n_nationkey, count(*) as n from nation group by rollup (n_regionkey, n_nationkey)
