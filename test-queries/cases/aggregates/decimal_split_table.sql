-- name: aggregates-decimal_split_table
-- dataset: misc
-- expect: oracle
select person_id, avg(amount) as mean, sum(amount) as total, min(visited_at) as first, count(amount) as amounts from misc.visits group by person_id
