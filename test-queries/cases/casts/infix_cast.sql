-- name: casts-infix_cast
-- dataset: tpch
-- expect: oracle
select '2.5'::DOUBLE, l_quantity::integer as q, 2 * 3::double as m, l_comment::varchar(10) || '!' as c from lineitem order by l_orderkey, l_linenumber limit 3
