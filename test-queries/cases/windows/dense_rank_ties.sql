-- name: windows-dense_rank_ties
-- dataset: tpch
-- expect: oracle
select c_mktsegment, dense_rank() over (order by c_mktsegment) as dr from customer where c_custkey < 30
