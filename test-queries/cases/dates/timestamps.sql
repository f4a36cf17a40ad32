-- name: dates-timestamps
-- dataset: misc
-- expect: oracle
select id, visited_at, extract(hour from visited_at) as h from misc.visits
