-- name: expressions-decimal_division_multiplication
-- dataset: tpch
-- expect: oracle
select o_orderkey, o_totalprice / 3 as third, o_totalprice * o_totalprice as squared, o_totalprice * 0.5 as half from orders where o_orderkey < 5
