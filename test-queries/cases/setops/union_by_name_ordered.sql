-- name: setops-union_by_name_ordered
-- dataset: misc
-- expect: oracle
select city, name from misc.people union by name select country as name, city, 1 as capital from misc.cities order by city, name
