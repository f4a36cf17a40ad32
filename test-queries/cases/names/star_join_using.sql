-- name: names-star_join_using
-- dataset: misc
-- expect: oracle
select * from misc.people p join misc.cities c using (city)
