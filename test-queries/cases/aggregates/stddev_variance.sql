-- name: aggregates-stddev_variance
-- dataset: tpch
-- expect: oracle
select l_returnflag, stddev_samp(l_quantity) as sd, var_pop(l_discount) as v from lineitem group by l_returnflag
