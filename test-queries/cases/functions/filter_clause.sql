-- name: functions-filter_clause
-- dataset: misc
-- expect: oracle
select string_agg(name, ';' order by id) filter (where age > 30) as older, count(*) filter (where city = 'London') as londoners, max(age) filter (where city <> 'London') as oldest_elsewhere, geomean(age) as g from misc.people
