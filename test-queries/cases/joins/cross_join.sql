-- name: joins-cross_join
-- dataset: tpch
-- expect: oracle
select r_name, n_name from region cross join nation where n_nationkey < 3
