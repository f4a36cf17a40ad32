-- name: ordering-limit_zero
-- dataset: tpch
-- expect: oracle
select * from nation limit 0
