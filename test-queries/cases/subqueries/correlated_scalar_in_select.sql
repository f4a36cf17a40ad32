-- name: subqueries-correlated_scalar_in_select
-- dataset: tpch
-- expect: oracle
select o_orderkey, (select count(*) from lineitem where l_orderkey = o_orderkey) as lines, (select max(l_shipdate) from lineitem where l_orderkey = o_orderkey) as last_ship from orders where o_orderkey < 50
