-- name: setops-intersect_nulls
-- dataset: misc
-- expect: oracle
select city from misc.people intersect all select city from misc.cities
