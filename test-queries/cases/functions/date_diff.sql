-- name: functions-date_diff
-- dataset: misc
-- expect: oracle
select id, date_diff('day', born, DATE '2024-01-01') as days from misc.people
