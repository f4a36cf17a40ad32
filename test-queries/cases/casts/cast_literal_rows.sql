-- name: casts-cast_literal_rows
-- dataset: tpch
-- expect: oracle
select * from (values (cast(1.005 as decimal(10,2)), cast(1 as bigint)), (cast(2 as decimal(10,2)), cast(5000000000 as bigint))) as t(d, b) order by d
