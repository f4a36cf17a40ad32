-- name: casts-cast_string_to_bigint
-- dataset: tpch
-- expect: oracle
select cast('-7' as bigint) as l, cast('9000000000' as bigint) as big
