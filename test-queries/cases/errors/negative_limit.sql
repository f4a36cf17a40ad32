-- name: errors-negative_limit
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:33
select n_name from nation limit 1 - 2
