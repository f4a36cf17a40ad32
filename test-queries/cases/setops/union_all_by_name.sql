-- name: setops-union_all_by_name
-- dataset: tpch
-- expect: oracle
select n_nationkey as k, n_name as name from nation where n_nationkey < 3 union all by name select r_name as NAME, r_regionkey as k, r_comment as c from region union all by name select 99 as k, 'x' as name
