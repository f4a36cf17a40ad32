-- name: joins-join_using
-- dataset: misc
-- expect: oracle
select city, p.id, c.country from misc.people p join misc.cities c using (city)
