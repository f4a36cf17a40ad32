-- name: errors-unknown_function
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:8
select no_such_function(n_name) from nation
