-- name: subqueries-grouping_sets_correlated
-- dataset: tpch
-- expect: oracle
SELECT n_regionkey, (SELECT COUNT(*) FROM (SELECT n1.n_regionkey FROM region GROUP BY GROUPING SETS((n1.n_regionkey), (), (n1.n_regionkey), (n1.n_regionkey, n1.n_regionkey), ())) tbl) AS j FROM nation n1 WHERE n_nationkey < 5 ORDER BY n_nationkey
