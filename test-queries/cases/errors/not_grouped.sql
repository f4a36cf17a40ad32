-- name: errors-not_grouped
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:8
select n_name, count(*) from nation
