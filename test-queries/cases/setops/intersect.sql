-- name: setops-intersect
-- dataset: misc
-- expect: oracle
select city from misc.people intersect select city from misc.cities
