-- name: joins-inner_join
-- dataset: misc
-- expect: oracle
select p.name, v.amount from misc.people p join misc.visits v on p.id = v.person_id
