-- name: names-qualified_stars_join_using
-- dataset: misc
-- expect: oracle
select p.*, c.* from misc.people p join misc.cities c using (city)
