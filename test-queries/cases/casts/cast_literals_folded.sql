-- name: casts-cast_literals_folded
-- dataset: tpch
-- expect: oracle
select cast(-12.345 as decimal(10,2)) as neg, cast(0.005 as decimal(4,2)) as half, cast(2.5 as integer) as up, cast(-2.5 as integer) as down, cast('7' as smallint) as small, cast(3 as bigint) * 2 as doubled, cast(false as varchar) || '!' as f, cast('1.25' as decimal(3,1)) as text_half
