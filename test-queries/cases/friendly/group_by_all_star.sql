-- name: friendly-group_by_all_star
-- dataset: tpch
-- expect: oracle
select *, count(*) as c from (select n_regionkey, n_nationkey % 2 as parity from nation) group by all order by all
