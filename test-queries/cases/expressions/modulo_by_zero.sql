-- name: expressions-modulo_by_zero
-- dataset: tpch
-- expect: error QUERY_FAILED
select n_nationkey % 0 as m from nation
