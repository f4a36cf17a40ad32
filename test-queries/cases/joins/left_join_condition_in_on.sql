-- name: joins-left_join_condition_in_on
-- dataset: misc
-- expect: oracle
select p.id, v.id as visit, v.amount from misc.people p left join misc.visits v on p.id = v.person_id and v.amount > 5
