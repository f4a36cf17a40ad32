-- name: casts-cast_columns
-- dataset: tpch
-- expect: oracle
select cast(n_nationkey as varchar) as s, cast(n_nationkey as double) / 3 as d, cast(n_nationkey as decimal(10,2)) as dec2, cast('2024-02-29' as date) as dt from nation where n_nationkey < 3
