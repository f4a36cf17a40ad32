-- name: aggregates-stddev_variance_global
-- dataset: tpch
-- expect: oracle
select stddev_pop(l_extendedprice) as sp, var_samp(l_quantity) as vs, variance(l_tax) as v, stddev(l_discount) as s from lineitem
