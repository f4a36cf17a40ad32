-- name: aggregates-aggregate_empty_table
-- dataset: misc
-- expect: oracle
select count(*) as n, sum(id) as s, max(label) as m from misc.nothing
