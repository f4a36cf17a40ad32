-- name: aggregates-global_sum_split
-- dataset: tpch
-- expect: oracle
select sum(l_extendedprice * (1 - l_discount)) as revenue, count(*) as n, min(l_shipdate) as first from lineitem
