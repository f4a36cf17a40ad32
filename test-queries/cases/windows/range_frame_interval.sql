-- name: windows-range_frame_interval
-- dataset: tpch
-- expect: oracle
select o_orderkey, o_orderdate, count(*) over (order by o_orderdate range between interval '30' day preceding and current row) as recent from orders where o_orderkey < 100
