-- name: catalog-describe_query
-- dataset: tpch
-- expect: oracle
describe select n_name, count(*) as n, sum(n_nationkey) / 2 as half, cast(1.5 as decimal(10,3)) as d from nation group by all
