-- name: ctes-recursive_cte
-- dataset: tpch
-- expect: oracle
-- known-failure: recursive CTEs are not placed on any tier: INTERNAL_ERROR 'No tier can run part of this query: There are not enough rules to produce a node with desired properties: convention=MONOSTORE.'
with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 20) select sum(n) as s, count(*) as c from seq
