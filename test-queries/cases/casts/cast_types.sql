-- name: casts-cast_types
-- dataset: tpch
-- expect: oracle
-- known-failure: Calcite folds CAST(12.345 AS DECIMAL(10,2)) into the literal 12.34 of type DECIMAL(4,2); DuckDB gives 12.35 as DECIMAL(10,2)
select cast(n_nationkey as varchar) as s, cast(n_nationkey as double) / 3 as d, cast('2024-02-29' as date) as dt, cast(12.345 as decimal(10,2)) as exact from nation where n_nationkey < 3
