-- name: friendly-distinct_on_qualify_and_where
-- dataset: tpch
-- expect: oracle
select distinct on (n_regionkey) n_regionkey, n_name, n_nationkey from nation where n_nationkey > 3 order by n_regionkey, n_nationkey desc
