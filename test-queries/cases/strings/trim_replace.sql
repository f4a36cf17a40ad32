-- name: strings-trim_replace
-- dataset: tpch
-- expect: oracle
select trim(n_comment) as t, replace(n_name, 'A', 'a') as r from nation where n_nationkey < 5
