-- name: ctes-recursive_cte
-- dataset: tpch
-- expect: oracle
-- known-failure: WITH RECURSIVE is refused (VALIDATION_ERROR, 400, at the CTE's name): no tier runs Calcite's repeat-union over a spool yet
with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 20) select sum(n) as s, count(*) as c from seq
