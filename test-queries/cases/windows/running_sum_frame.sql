-- name: windows-running_sum_frame
-- dataset: tpch
-- expect: oracle
select o_orderkey, sum(o_totalprice) over (order by o_orderkey rows between 2 preceding and current row) as running_total from orders where o_orderkey < 200
