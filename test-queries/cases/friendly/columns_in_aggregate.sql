-- name: friendly-columns_star_aggregate
-- dataset: tpch
-- expect: oracle
select n_regionkey, max(columns('name|comment')), count(*) as n from nation group by all
