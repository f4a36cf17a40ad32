-- name: setops-except
-- dataset: misc
-- expect: oracle
select city from misc.cities except select city from misc.people
