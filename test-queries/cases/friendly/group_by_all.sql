-- name: friendly-group_by_all
-- dataset: tpch
-- expect: oracle
select n_regionkey, count(*) as nations, min(n_name) as first_name from nation group by all order by n_regionkey
