-- name: friendly-star_exclude
-- dataset: tpch
-- expect: oracle
select * exclude (n_comment, n_regionkey) from nation order by n_nationkey limit 5
