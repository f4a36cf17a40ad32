-- name: casts-cast_string_to_bigint
-- dataset: tpch
-- expect: oracle
-- known-failure: Calcite folds CAST('-7' AS BIGINT) into an INTEGER literal; DuckDB answers BIGINT
select cast('-7' as bigint) as l, cast('9000000000' as bigint) as big
