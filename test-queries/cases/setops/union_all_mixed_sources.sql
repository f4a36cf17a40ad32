-- name: setops-union_all_mixed_sources
-- dataset: misc
-- expect: oracle
select n_nationkey as k, n_name as label from tpch.nation where n_nationkey < 3 union all select id, name from misc.people
