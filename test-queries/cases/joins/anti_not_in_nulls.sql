-- name: joins-anti_not_in_nulls
-- dataset: misc
-- expect: oracle
select id from misc.people where id not in (select person_id from misc.visits)
