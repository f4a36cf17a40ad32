-- name: friendly-order_by_all_union
-- dataset: tpch
-- expect: oracle
select r_name as name, r_regionkey as k from region union all select n_name, n_nationkey from nation order by all desc
