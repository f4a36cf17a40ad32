-- name: joins-anti_not_exists
-- dataset: misc
-- expect: oracle
select id from misc.people p where not exists (select 1 from misc.visits v where v.person_id = p.id)
