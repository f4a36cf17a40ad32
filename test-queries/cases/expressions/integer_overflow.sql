-- name: expressions-integer_overflow
-- dataset: tpch
-- expect: error QUERY_FAILED
select cast(2147483647 as integer) + cast(n_nationkey + 1 as integer) as too_big from nation
