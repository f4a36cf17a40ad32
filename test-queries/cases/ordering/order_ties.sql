-- name: ordering-order_ties
-- dataset: tpch
-- expect: oracle
select c_mktsegment, c_custkey from customer where c_custkey <= 60 order by c_mktsegment
