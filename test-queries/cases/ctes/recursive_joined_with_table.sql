-- name: ctes-recursive_joined_with_table
-- dataset: tpch
-- expect: oracle
with recursive seq(n, label) as (select 0, 'start' union all select n + 1, label || '>' || n from seq where n < 4) select r_name, seq.* from seq join region on r_regionkey = n order by n
