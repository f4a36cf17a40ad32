-- name: joins-semi_anti_join_then_inner
-- dataset: tpch
-- expect: oracle
select c_mktsegment, count(*) as n
from orders o
semi join lineitem l on l.l_orderkey = o.o_orderkey and l_quantity > 49
join customer on c_custkey = o_custkey
anti join nation on n_nationkey = c_nationkey and n_name like 'A%'
where o_orderstatus = 'F'
group by c_mktsegment
