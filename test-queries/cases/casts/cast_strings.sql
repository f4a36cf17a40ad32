-- name: casts-cast_strings
-- dataset: tpch
-- expect: oracle
-- known-failure: Calcite folds CAST('2.5' AS DECIMAL(5,1)) into a DECIMAL(2,1) literal; DuckDB keeps DECIMAL(5,1)
select cast('42' as integer) as i, cast('3.14159' as double) as d, cast('2.5' as decimal(5,1)) as dec1, cast(true as varchar) as b, cast('2024-02-29 12:34:56' as timestamp) as ts
