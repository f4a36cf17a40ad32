-- name: expressions-three_valued_logic
-- dataset: misc
-- expect: oracle
select id, age > 30 as over30, age > 30 or city = 'London' as either, age > 30 and city = 'London' as both_ from misc.people
