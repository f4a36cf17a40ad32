-- name: joins-anti_not_in_no_nulls
-- dataset: misc
-- expect: oracle
select id from misc.people where id not in (select person_id from misc.visits where person_id is not null)
