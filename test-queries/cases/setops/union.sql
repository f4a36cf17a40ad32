-- name: setops-union
-- dataset: misc
-- expect: oracle
select city from misc.people union select city from misc.cities
