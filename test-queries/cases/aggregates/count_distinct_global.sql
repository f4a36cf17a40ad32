-- name: aggregates-count_distinct_global
-- dataset: tpch
-- expect: oracle
select count(distinct l_suppkey) as suppliers, count(distinct l_partkey) as parts, count(*) as n from lineitem
