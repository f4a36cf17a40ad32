-- name: joins-semi_join_under_right_join
-- dataset: tpch
-- expect: oracle
select r_name, n.n_name from region right join (nation n semi join supplier on s_nationkey = n.n_nationkey and s_acctbal > 9000) on r_regionkey = n.n_regionkey
