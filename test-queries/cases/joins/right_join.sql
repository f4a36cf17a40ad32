-- name: joins-right_join
-- dataset: misc
-- expect: oracle
select p.name, v.id as visit from misc.people p right join misc.visits v on p.id = v.person_id
