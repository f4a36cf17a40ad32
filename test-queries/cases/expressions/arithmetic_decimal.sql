-- name: expressions-arithmetic_decimal
-- dataset: tpch
-- expect: oracle
select l_extendedprice * (1 - l_discount) * (1 + l_tax) as charge from lineitem where l_orderkey = 1
