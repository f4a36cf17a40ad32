-- name: nested-list_literals
-- dataset: tpch
-- expect: oracle
select n_name, [n_nationkey, n_regionkey] as keys, ['a', NULL] as texts, [[1], [2, 3]] as nested, list_value(1, 2) as listed from nation where n_nationkey < 3 order by n_name
