-- name: friendly-with_order_by_all_distinct_on
-- dataset: tpch
-- expect: oracle
with n as materialized (from nation) select distinct on (n_regionkey) n_regionkey, n_name from n order by all
