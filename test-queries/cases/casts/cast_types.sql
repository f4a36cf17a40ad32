-- name: casts-cast_types
-- dataset: tpch
-- expect: oracle
select cast(n_nationkey as varchar) as s, cast(n_nationkey as double) / 3 as d, cast('2024-02-29' as date) as dt, cast(12.345 as decimal(10,2)) as exact from nation where n_nationkey < 3
