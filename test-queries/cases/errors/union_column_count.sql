-- name: errors-union_column_count
-- dataset: tpch
-- expect: error VALIDATION_ERROR
select n_name, n_nationkey from nation union select r_name from region
