-- name: functions-non_decomposable_global
-- dataset: tpch
-- expect: oracle
select median(l_quantity) as m, mode(l_shipmode) as commonest, arg_max(l_orderkey, l_extendedprice) as dearest, string_agg(distinct l_shipinstruct, ',' order by l_shipinstruct) as instructions from lineitem
