-- name: results-empty_grouped
-- dataset: tpch
-- expect: oracle
select n_regionkey, count(*) as n from nation where n_nationkey < 0 group by n_regionkey
