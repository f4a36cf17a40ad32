-- name: results-empty_join
-- dataset: misc
-- expect: oracle
select * from misc.nothing n join misc.people p on n.id = p.id
