-- name: catalog-summarize_query
-- dataset: tpch
-- expect: oracle
summarize select o_orderpriority, min(o_orderdate) as first_order, max(o_orderdate) as last_order, count(*) > 3000 as busy from orders group by o_orderpriority
