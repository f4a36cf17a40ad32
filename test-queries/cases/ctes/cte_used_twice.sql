-- name: ctes-cte_used_twice
-- dataset: tpch
-- expect: oracle
with t as (select n_regionkey, count(*) as c from nation group by n_regionkey) select a.n_regionkey, a.c from t a join t b on a.n_regionkey = b.n_regionkey
