-- name: aggregates-count_distinct
-- dataset: tpch
-- expect: oracle
select l_returnflag, count(distinct l_partkey) as parts from lineitem group by l_returnflag
