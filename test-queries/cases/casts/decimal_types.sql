-- name: casts-decimal_types
-- dataset: tpch
-- expect: oracle
select l_extendedprice * l_discount as product, l_extendedprice + l_tax as total, sum(l_extendedprice) over () as window_sum from lineitem where l_orderkey = 1
