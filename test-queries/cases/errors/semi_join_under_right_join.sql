-- name: errors-semi_join_under_right_join
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:58
select count(*) from region right join (nation semi join supplier on s_nationkey = n_nationkey) on r_regionkey = n_regionkey
