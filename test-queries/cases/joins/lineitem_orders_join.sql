-- name: joins-lineitem_orders_join
-- dataset: tpch
-- expect: oracle
select o_orderpriority, count(*) as lines, sum(l_quantity) as qty from orders join lineitem on o_orderkey = l_orderkey where o_orderdate < date '1993-01-01' group by o_orderpriority
