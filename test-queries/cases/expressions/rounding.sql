-- name: expressions-rounding
-- dataset: tpch
-- expect: oracle
select l_extendedprice, round(l_extendedprice, 1) as r1, round(l_extendedprice) as r0, abs(l_discount - 0.05) as a, ceil(l_tax * 100) as c, floor(l_quantity / 7) as f from lineitem where l_orderkey < 4
