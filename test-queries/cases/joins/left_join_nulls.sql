-- name: joins-left_join_nulls
-- dataset: misc
-- expect: oracle
select p.id, p.name, v.id as visit from misc.people p left join misc.visits v on p.id = v.person_id
