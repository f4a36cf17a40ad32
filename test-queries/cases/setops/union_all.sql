-- name: setops-union_all
-- dataset: misc
-- expect: oracle
select city from misc.people union all select city from misc.cities
