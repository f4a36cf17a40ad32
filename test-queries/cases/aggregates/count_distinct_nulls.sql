-- name: aggregates-count_distinct_nulls
-- dataset: misc
-- expect: oracle
select count(distinct city) as cities, count(distinct person_id) as persons from misc.people, misc.visits where misc.people.id = 1
