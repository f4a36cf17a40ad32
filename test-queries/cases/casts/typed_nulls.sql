-- name: casts-typed_nulls
-- dataset: tpch
-- expect: oracle
select NULL::INTEGER as a, CAST(NULL AS DATE) as b, CAST(NULL AS DECIMAL(10,2)) as c, NULL::VARCHAR as d, null as e
