-- name: friendly-columns_regex
-- dataset: tpch
-- expect: oracle
select columns('^l_.*(price|discount)$'), l_orderkey from lineitem where l_orderkey < 4
