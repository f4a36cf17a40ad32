-- name: ctes-recursive_cte
-- dataset: tpch
-- expect: oracle
with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 20) select sum(n) as s, count(*) as c from seq
