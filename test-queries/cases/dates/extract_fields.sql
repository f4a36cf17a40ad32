-- name: dates-extract_fields
-- dataset: tpch
-- expect: oracle
select o_orderkey, extract(quarter from o_orderdate) as q, extract(dow from o_orderdate) as dow, extract(doy from o_orderdate) as doy, extract(day from o_orderdate) as d from orders where o_orderkey < 10
