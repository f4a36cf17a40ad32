-- name: subqueries-correlated_exists_tpch
-- dataset: tpch
-- expect: oracle
select o_orderpriority, count(*) as n from orders where exists (select 1 from lineitem where l_orderkey = o_orderkey and l_commitdate < l_receiptdate) and o_orderdate < date '1994-01-01' group by o_orderpriority
