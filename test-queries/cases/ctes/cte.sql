-- name: ctes-cte
-- dataset: tpch
-- expect: oracle
with big as (select o_custkey, sum(o_totalprice) as total from orders group by o_custkey) select count(*) as customers from big where total > 1000000
