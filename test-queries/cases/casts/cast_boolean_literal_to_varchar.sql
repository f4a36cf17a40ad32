-- name: casts-cast_boolean_literal_to_varchar
-- dataset: tpch
-- expect: oracle
-- known-failure: Calcite folds CAST(TRUE AS VARCHAR) into 'TRUE'; DuckDB answers 'true'
select cast(true as varchar) as t, cast(false as varchar) as f
