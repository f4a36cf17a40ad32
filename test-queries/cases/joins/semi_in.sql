-- name: joins-semi_in
-- dataset: misc
-- expect: oracle
select name from misc.people where id in (select person_id from misc.visits)
