-- name: errors-type_mismatch
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:33
select n_name from nation where n_nationkey = date '2020-01-01'
