-- name: errors-ambiguous_column
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:8
select n_nationkey from nation, nation n2
