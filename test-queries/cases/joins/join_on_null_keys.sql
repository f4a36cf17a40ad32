-- name: joins-join_on_null_keys
-- dataset: misc
-- expect: oracle
select p.city, c.country from misc.people p join misc.cities c on p.city = c.city
