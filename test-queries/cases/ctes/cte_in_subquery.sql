-- name: ctes-cte_in_subquery
-- dataset: tpch
-- expect: oracle
select n_name from nation where n_regionkey in (with r as (select r_regionkey from region where r_name like 'A%') select r_regionkey from r)
