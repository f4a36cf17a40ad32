-- name: setops-except_all_nulls
-- dataset: misc
-- expect: oracle
select city from misc.people except all select city from misc.cities
