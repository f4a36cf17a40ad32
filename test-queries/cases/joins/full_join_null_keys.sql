-- name: joins-full_join_null_keys
-- dataset: misc
-- expect: oracle
select p.id, p.city, c.city as listed, c.country from misc.people p full outer join misc.cities c on p.city = c.city
