-- name: joins-left_join_condition_in_where
-- dataset: misc
-- expect: oracle
select p.id, v.id as visit, v.amount from misc.people p left join misc.visits v on p.id = v.person_id where v.amount > 5 or v.id is null
