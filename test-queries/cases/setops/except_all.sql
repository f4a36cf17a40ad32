-- name: setops-except_all
-- dataset: tpch
-- expect: oracle
select n_regionkey from nation except all select r_regionkey from region
