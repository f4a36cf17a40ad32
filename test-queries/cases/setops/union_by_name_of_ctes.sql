-- name: setops-union_by_name_of_ctes
-- dataset: tpch
-- expect: oracle
with keys as (select n_nationkey as k, n_name from nation where n_nationkey < 3), picked as (select columns('^k|name') from keys) select * from picked union all by name select r_regionkey as k, r_comment from region where r_regionkey < 2
