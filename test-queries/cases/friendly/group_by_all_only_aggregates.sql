-- name: friendly-group_by_all_only_aggregates
-- dataset: tpch
-- expect: oracle
select count(*) as c, max(n_name) as m from nation group by all
