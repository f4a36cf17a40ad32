-- name: joins-not_in_empty_subquery
-- dataset: misc
-- expect: oracle
select id, age from misc.people where age not in (select id from misc.nothing)
