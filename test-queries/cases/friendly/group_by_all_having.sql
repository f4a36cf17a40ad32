-- name: friendly-group_by_all_having
-- dataset: tpch
-- expect: oracle
select n_regionkey, count(*) as c from nation group by all having count(*) > 4 order by all
