-- name: joins-semi_join_nulls
-- dataset: misc
-- expect: oracle
select p.id from misc.people p anti join misc.visits v on v.person_id = p.id
