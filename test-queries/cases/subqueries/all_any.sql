-- name: subqueries-all_any
-- dataset: tpch
-- expect: oracle
select n_name, n_nationkey > all (select r_regionkey from region) as above_all, n_nationkey = any (select r_regionkey * 2 from region) as even_region from nation
