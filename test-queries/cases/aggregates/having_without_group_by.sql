-- name: aggregates-having_without_group_by
-- dataset: tpch
-- expect: oracle
select sum(n_nationkey) as s from nation having count(*) > 20
