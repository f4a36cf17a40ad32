-- name: aggregates-filter_clause
-- dataset: tpch
-- expect: oracle
select count(*) filter (where l_quantity > 25) as big, count(*) filter (where l_quantity <= 25) as small from lineitem
