-- name: aggregates-aggregate_nulls
-- dataset: misc
-- expect: oracle
select count(*) as rows_, count(age) as ages, avg(age) as avg_age, sum(age) as total from misc.people
