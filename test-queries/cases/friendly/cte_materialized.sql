-- name: friendly-cte_materialized
-- dataset: tpch
-- expect: oracle
with r as materialized (select * from region), n as not materialized (select n_regionkey from nation) select r.r_name, count(*) as c from r join n on r.r_regionkey = n.n_regionkey group by r.r_name order by r.r_name
