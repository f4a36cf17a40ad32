-- name: subqueries-correlated_filter
-- dataset: tpch
-- expect: oracle
select c_custkey from customer c where c_acctbal > (select avg(c_acctbal) from customer c2 where c2.c_nationkey = c.c_nationkey) and c_custkey < 100
