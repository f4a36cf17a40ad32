-- name: subqueries-rollup_correlated
-- dataset: tpch
-- expect: oracle
SELECT n_nationkey, (SELECT COUNT(*) FROM (SELECT n_regionkey, count(*) FROM nation n2 WHERE n2.n_regionkey = n1.n_regionkey GROUP BY ROLLUP(n_regionkey, n_name)) t) AS c FROM nation n1 ORDER BY n_nationkey
