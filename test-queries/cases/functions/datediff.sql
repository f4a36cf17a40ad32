-- name: functions-datediff
-- dataset: misc
-- expect: oracle
select id, datediff('day', born, DATE '2024-01-01') as days, datediff('year', born, DATE '2024-01-01') as years from misc.people
