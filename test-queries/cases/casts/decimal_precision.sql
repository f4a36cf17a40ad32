-- name: casts-decimal_precision
-- dataset: tpch
-- expect: oracle
select sum(o_totalprice) as total, cast(sum(o_totalprice) as decimal(38,2)) as exact, max(o_totalprice) * 2 as doubled from orders
