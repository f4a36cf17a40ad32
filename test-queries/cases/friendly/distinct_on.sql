-- name: friendly-distinct_on
-- dataset: tpch
-- expect: oracle
select distinct on (n_regionkey) n_regionkey, n_name from nation order by n_regionkey, n_name
