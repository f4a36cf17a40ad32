-- name: names-integer_division_by_zero
-- dataset: tpch
-- expect: error QUERY_FAILED
select 7 // 0 as q
