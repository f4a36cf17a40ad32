-- name: subqueries-scalar_subquery_uncorrelated
-- dataset: tpch
-- expect: oracle
select n_name, (select r_name from region where r_regionkey = 1) as america from nation where n_nationkey < 3
