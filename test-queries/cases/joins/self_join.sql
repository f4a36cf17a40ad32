-- name: joins-self_join
-- dataset: tpch
-- expect: oracle
select a.n_name, b.n_name as other from nation a join nation b on a.n_regionkey = b.n_regionkey and a.n_nationkey < b.n_nationkey where a.n_regionkey = 1
