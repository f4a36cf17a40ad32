-- name: joins-full_join
-- dataset: misc
-- expect: oracle
select p.id, v.id as visit from misc.people p full join misc.visits v on p.id = v.person_id
