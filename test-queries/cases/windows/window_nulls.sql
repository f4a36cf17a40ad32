-- name: windows-window_nulls
-- dataset: misc
-- expect: oracle
select id, age, rank() over (order by age desc nulls last) as r, row_number() over (partition by city order by id) as rn from misc.people
