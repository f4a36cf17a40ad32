-- name: dates-timestamp_arithmetic
-- dataset: misc
-- expect: oracle
select id, visited_at + interval '90' minute as later, cast(visited_at as date) as visit_day, visited_at - interval '1' day as before from misc.visits
