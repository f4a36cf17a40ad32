-- name: expressions-is_distinct_from
-- dataset: misc
-- expect: oracle
select id, age is distinct from 36 as d, age is not distinct from null as n, city is distinct from 'London' as c from misc.people
