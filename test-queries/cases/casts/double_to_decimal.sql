-- name: casts-double_to_decimal
-- dataset: tpch
-- expect: oracle
select n_nationkey, cast(cast(n_nationkey as double) / 3 as decimal(10,4)) as third from nation where n_nationkey < 5
