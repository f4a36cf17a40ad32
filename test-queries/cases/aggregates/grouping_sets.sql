-- name: aggregates-grouping_sets
-- dataset: tpch
-- expect: oracle
select l_returnflag, l_linestatus, count(*) as n from lineitem group by grouping sets ((l_returnflag), (l_linestatus), ())
