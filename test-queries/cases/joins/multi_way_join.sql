-- name: joins-multi_way_join
-- dataset: tpch
-- expect: oracle
select n_name, r_name, count(*) as suppliers from supplier join nation on s_nationkey = n_nationkey join region on n_regionkey = r_regionkey group by n_name, r_name
