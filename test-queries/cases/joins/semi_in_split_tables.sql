-- name: joins-semi_in_split_tables
-- dataset: tpch
-- expect: oracle
select l_shipmode, count(*) as n from lineitem where l_orderkey in (select o_orderkey from orders where o_orderpriority = '1-URGENT') group by l_shipmode
