-- name: joins-theta_join
-- dataset: misc
-- expect: oracle
select p.id, c.city from misc.people p join misc.cities c on p.city < c.city
