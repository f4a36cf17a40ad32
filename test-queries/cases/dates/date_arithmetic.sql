-- name: dates-date_arithmetic
-- dataset: tpch
-- expect: oracle
select o_orderdate, o_orderdate + interval '30' day as due, o_orderdate - interval '1' month as before from orders where o_orderkey < 20
