-- name: subqueries-exists_in_select_list
-- dataset: misc
-- expect: oracle
select id, exists (select 1 from misc.visits v where v.person_id = p.id) as has_visits from misc.people p
