-- name: names-integer_division_aliases
-- dataset: tpch
-- expect: oracle
SELECT 7 // 2 AS q, -7 // 2 AS r
