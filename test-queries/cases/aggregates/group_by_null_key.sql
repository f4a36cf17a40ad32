-- name: aggregates-group_by_null_key
-- dataset: misc
-- expect: oracle
select city, count(*) as n, count(age) as with_age, min(age) as youngest from misc.people group by city
