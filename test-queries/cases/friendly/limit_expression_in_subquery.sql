-- name: friendly-limit_expression_in_subquery
-- dataset: tpch
-- expect: oracle
select count(*) as c from (select o_orderkey from orders order by o_orderkey limit 10 * 10 offset 3 // 2)
