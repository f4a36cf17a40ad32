-- name: ordering-offset_only
-- dataset: tpch
-- expect: oracle
select n_nationkey from nation order by n_nationkey offset 20
