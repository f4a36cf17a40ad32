-- name: expressions-coalesce_nullif_types
-- dataset: misc
-- expect: oracle
select p.id, coalesce(age, p.id * 100) as a, coalesce(null, city, name, 'x') as c, nullif(name, '') as n, nullif(amount, 0.01) as m from misc.people p left join misc.visits v on p.id = v.person_id
