-- name: subqueries-scalar_subquery
-- dataset: tpch
-- expect: oracle
select n_name, (select count(*) from supplier where s_nationkey = n_nationkey) as suppliers from nation
