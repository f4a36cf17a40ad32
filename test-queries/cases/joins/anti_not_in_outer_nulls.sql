-- name: joins-anti_not_in_outer_nulls
-- dataset: misc
-- expect: oracle
select id, person_id from misc.visits where person_id not in (select id from misc.people)
