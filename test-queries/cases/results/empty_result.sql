-- name: results-empty_result
-- dataset: tpch
-- expect: oracle
select * from nation where n_nationkey < 0
