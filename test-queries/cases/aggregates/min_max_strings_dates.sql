-- name: aggregates-min_max_strings_dates
-- dataset: tpch
-- expect: oracle
select min(n_name) as first, max(n_name) as last, min(o_orderdate) as d0, max(o_orderdate) as d1 from nation, orders where o_custkey = n_nationkey
