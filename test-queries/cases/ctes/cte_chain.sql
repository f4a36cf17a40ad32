-- name: ctes-cte_chain
-- dataset: tpch
-- expect: oracle
with per_nation as (select c_nationkey, count(*) as customers from customer group by c_nationkey), per_region as (select n_regionkey, sum(customers) as customers from per_nation join nation on c_nationkey = n_nationkey group by n_regionkey) select r_name, customers from per_region join region on n_regionkey = r_regionkey
