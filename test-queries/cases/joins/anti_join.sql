-- name: joins-anti_join
-- dataset: tpch
-- expect: oracle
select o_orderpriority, count(*) as orders_without_big_lines
from orders o anti join lineitem l on l.l_orderkey = o.o_orderkey and l_quantity > 49
group by o_orderpriority
