-- name: casts-cast_string_literals
-- dataset: tpch
-- expect: oracle
select cast('42' as integer) as i, cast('3.14159' as double) as d, cast('2024-02-29 12:34:56' as timestamp) as ts
