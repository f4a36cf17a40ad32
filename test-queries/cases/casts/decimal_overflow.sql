-- name: casts-decimal_overflow
-- dataset: tpch
-- expect: error QUERY_FAILED
select cast(12345678901 as decimal(10,2)) as too_big
