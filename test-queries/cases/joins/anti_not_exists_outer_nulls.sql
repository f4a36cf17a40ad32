-- name: joins-anti_not_exists_outer_nulls
-- dataset: misc
-- expect: oracle
select id, person_id from misc.visits v where not exists (select 1 from misc.people p where p.id = v.person_id)
