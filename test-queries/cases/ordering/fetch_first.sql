-- name: ordering-fetch_first
-- dataset: tpch
-- expect: oracle
select o_orderkey from orders order by o_orderkey desc fetch first 3 rows only
