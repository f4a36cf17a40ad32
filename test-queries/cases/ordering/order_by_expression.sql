-- name: ordering-order_by_expression
-- dataset: tpch
-- expect: oracle
select n_name, length(n_name) as len from nation order by length(n_name) desc, n_name
