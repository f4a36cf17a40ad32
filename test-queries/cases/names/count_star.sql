-- name: names-count_star
-- dataset: tpch
-- expect: oracle
select count(*) from lineitem
