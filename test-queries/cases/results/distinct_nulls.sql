-- name: results-distinct_nulls
-- dataset: misc
-- expect: oracle
select distinct city from misc.people
