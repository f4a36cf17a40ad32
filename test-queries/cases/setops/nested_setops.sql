-- name: setops-nested_setops
-- dataset: tpch
-- expect: oracle
(select n_regionkey from nation except select 0) intersect select r_regionkey from region
