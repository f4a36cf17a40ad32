-- name: friendly-star_exclude_replace
-- dataset: tpch
-- expect: oracle
select * exclude (r_comment) replace (r_name || '!' as r_name, r_regionkey * 10 as r_regionkey) from region
