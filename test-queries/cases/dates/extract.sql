-- name: dates-extract
-- dataset: tpch
-- expect: oracle
select extract(year from o_orderdate) as y, extract(month from o_orderdate) as m, count(*) as n from orders group by extract(year from o_orderdate), extract(month from o_orderdate)
