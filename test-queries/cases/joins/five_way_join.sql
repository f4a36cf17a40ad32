-- name: joins-five_way_join
-- dataset: tpch
-- expect: oracle
select r_name, count(*) as lines, sum(l_extendedprice) as revenue from lineitem join orders on l_orderkey = o_orderkey join customer on o_custkey = c_custkey join nation on c_nationkey = n_nationkey join region on n_regionkey = r_regionkey where o_orderdate >= date '1995-01-01' group by r_name
