-- name: results-empty_table_outer_join
-- dataset: misc
-- expect: oracle
select p.id, n.label from misc.people p left join misc.nothing n on p.id = n.id
