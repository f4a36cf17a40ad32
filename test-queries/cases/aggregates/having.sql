-- name: aggregates-having
-- dataset: tpch
-- expect: oracle
select c_nationkey, count(*) as n from customer group by c_nationkey having count(*) > 60
