-- name: joins-anti_join_in_parentheses
-- dataset: tpch
-- expect: oracle
select r_name, count(*) as nations_without_rich_suppliers
from region join (nation anti join supplier on s_nationkey = n_nationkey and s_acctbal > 9500) on r_regionkey = n_regionkey
group by r_name
