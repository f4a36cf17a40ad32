-- name: errors-scalar_subquery_many_rows
-- dataset: tpch
-- expect: error QUERY_FAILED
-- known-failure: a scalar subquery is rendered with Calcite's SINGLE_VALUE, which DuckDB lacks: INTERNAL_ERROR 'Scalar Function with name single_value does not exist!'
select (select n_name from nation) as one_name
