-- name: casts-typed_nulls_over_table
-- dataset: tpch
-- expect: oracle
select r_name, NULL::BIGINT as nothing, CAST(NULL AS TIMESTAMP) as never from region where r_regionkey < 2
