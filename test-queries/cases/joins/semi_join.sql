-- name: joins-semi_join
-- dataset: tpch
-- expect: oracle
select n_name from nation semi join region on n_regionkey = r_regionkey and r_name = 'ASIA'
