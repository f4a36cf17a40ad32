-- name: casts-cast_boolean_literal_to_varchar
-- dataset: tpch
-- expect: oracle
select cast(true as varchar) as t, cast(false as varchar) as f
