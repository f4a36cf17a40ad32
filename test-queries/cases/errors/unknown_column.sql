-- name: errors-unknown_column
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:8
select no_such_column from nation
