-- name: functions-string_agg_order_by_lineitem
-- dataset: tpch
-- expect: oracle
select l_returnflag, string_agg(distinct l_linestatus, '|' order by l_linestatus) as statuses, count(*) as n from lineitem group by l_returnflag
