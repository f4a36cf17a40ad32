-- name: casts-cast_strings
-- dataset: tpch
-- expect: oracle
select cast('42' as integer) as i, cast('3.14159' as double) as d, cast('2.5' as decimal(5,1)) as dec1, cast(true as varchar) as b, cast('2024-02-29 12:34:56' as timestamp) as ts
