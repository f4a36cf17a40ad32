-- name: nested-nested_joined
-- dataset: misc
-- expect: oracle
select p.name, n.xs, n.person from misc.people p join misc.nested n on n.id = p.id order by p.id
