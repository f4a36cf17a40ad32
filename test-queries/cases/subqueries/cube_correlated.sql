-- name: subqueries-cube_correlated
-- dataset: tpch
-- expect: oracle
SELECT n_regionkey, (SELECT COUNT(*) FROM (SELECT n1.n_regionkey FROM region GROUP BY CUBE(n1.n_regionkey, n1.n_nationkey, n1.n_name, n1.n_comment)) tbl) AS j FROM nation n1 WHERE n_nationkey < 5 ORDER BY n_nationkey
