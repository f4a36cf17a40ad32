-- name: windows-partition_over_split_misc
-- dataset: misc
-- expect: oracle
select id, person_id, sum(amount) over (partition by person_id order by id) as running_total, first_value(id) over (partition by person_id order by id) as first_visit from misc.visits
