-- name: friendly-qualified_star_exclude_replace
-- dataset: misc
-- expect: oracle
select p.* exclude (born, city) replace (upper(p.name) as name), v.id as visit from misc.people p join misc.visits v on v.person_id = p.id order by all
