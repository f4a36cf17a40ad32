-- name: ctes-recursive_cte_hierarchy
-- dataset: tpch
-- expect: oracle
-- known-failure: recursive CTEs are not placed on any tier: INTERNAL_ERROR 'No tier can run part of this query: There are not enough rules to produce a node with desired properties: convention=MONOSTORE.'
with recursive chain(id, depth) as (select n_nationkey, 0 from nation where n_nationkey = 0 union all select n_nationkey, depth + 1 from chain join nation on n_nationkey = id + 5 where depth < 10) select id, depth from chain
