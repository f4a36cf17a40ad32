-- name: aggregates-cube
-- dataset: tpch
-- expect: oracle
select l_returnflag, l_linestatus, sum(l_quantity) as q from lineitem group by cube (l_returnflag, l_linestatus)
