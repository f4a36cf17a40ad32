-- name: friendly-order_by_all_desc
-- dataset: tpch
-- expect: oracle
select n_regionkey, n_nationkey from nation order by all desc limit 7
