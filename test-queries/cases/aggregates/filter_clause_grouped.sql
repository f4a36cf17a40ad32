-- name: aggregates-filter_clause_grouped
-- dataset: tpch
-- expect: oracle
select l_returnflag, sum(l_quantity) filter (where l_shipmode = 'AIR') as air, avg(l_discount) filter (where l_quantity > 40) as big_discount, count(*) filter (where l_tax = 0) as untaxed from lineitem group by l_returnflag
