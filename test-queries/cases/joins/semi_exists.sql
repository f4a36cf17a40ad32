-- name: joins-semi_exists
-- dataset: misc
-- expect: oracle
select name from misc.people p where exists (select 1 from misc.visits v where v.person_id = p.id and v.amount > 5)
