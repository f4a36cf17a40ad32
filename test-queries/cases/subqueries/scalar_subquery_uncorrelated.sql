-- name: subqueries-scalar_subquery_uncorrelated
-- dataset: tpch
-- expect: oracle
-- known-failure: a scalar subquery is rendered with Calcite's SINGLE_VALUE, which DuckDB lacks: INTERNAL_ERROR 'Scalar Function with name single_value does not exist!'
select n_name, (select r_name from region where r_regionkey = 1) as america from nation where n_nationkey < 3
