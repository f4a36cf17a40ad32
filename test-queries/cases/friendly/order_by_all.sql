-- name: friendly-order_by_all
-- dataset: tpch
-- expect: oracle
select n_regionkey, n_name from nation order by all
