-- name: names-expressions_unaliased
-- dataset: tpch
-- expect: oracle
select n_name, upper(n_name), n_nationkey + 1, n_regionkey * 2 from nation where n_nationkey < 3 order by n_nationkey
