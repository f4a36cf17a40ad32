-- name: setops-intersect_all
-- dataset: tpch
-- expect: oracle
select n_regionkey from nation intersect all select r_regionkey from region
