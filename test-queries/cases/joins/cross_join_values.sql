-- name: joins-cross_join_values
-- dataset: tpch
-- expect: oracle
select n_name, t.k from nation, (values (1), (2)) as t(k) where n_nationkey < 3
