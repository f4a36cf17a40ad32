-- name: ctes-recursive_cte_hierarchy
-- dataset: tpch
-- expect: oracle
with recursive chain(id, depth) as (select n_nationkey, 0 from nation where n_nationkey = 0 union all select n_nationkey, depth + 1 from chain join nation on n_nationkey = id + 5 where depth < 10) select id, depth from chain
