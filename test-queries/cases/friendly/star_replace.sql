-- name: friendly-star_replace
-- dataset: tpch
-- expect: oracle
select * replace (upper(n_name) as n_name, n_nationkey * 100 as n_regionkey) from nation order by 1 limit 5
