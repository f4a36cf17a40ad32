-- name: aggregates-avg_decimal
-- dataset: tpch
-- expect: oracle
select l_linestatus, avg(l_extendedprice) as avg_price, avg(l_discount) as avg_disc from lineitem group by l_linestatus
