-- name: dates-date_plus_days
-- dataset: tpch
-- expect: oracle
select o_orderkey, o_orderdate + 5 as due, 3 + o_orderdate as soon, o_orderdate - 30 as month_before,
       o_orderdate + cast(o_shippriority as smallint) as same
from orders where o_orderkey < 40 and o_orderdate + 30 > date '1995-01-01' order by o_orderkey
