-- name: names-integer_division_types
-- dataset: tpch
-- expect: oracle
select 7.5 // 2 as d, 2 + 7 // 2 as p, 8 // 2 * 2 as m, l_orderkey // 3 as k, l_quantity // 7 as dq from lineitem where l_orderkey < 3
