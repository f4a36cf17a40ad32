-- name: subqueries-in_list
-- dataset: tpch
-- expect: oracle
select n_name from nation where n_nationkey in (1, 3, 5, 7)
