-- name: names-star_join_using_chained
-- dataset: misc
-- expect: oracle
select * from misc.people join misc.cities using (city) join misc.visits using (id) order by id, amount
