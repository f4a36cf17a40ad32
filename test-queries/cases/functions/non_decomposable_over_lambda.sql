-- name: functions-non_decomposable_over_lambda
-- dataset: tpch
-- expect: oracle
select l_returnflag, geomean(l_quantity) as g, median(l_quantity) as m, kurtosis(l_extendedprice) as k, bit_xor(l_linenumber) as x, string_agg(distinct l_shipmode, ',' order by l_shipmode) as modes from lineitem group by l_returnflag
