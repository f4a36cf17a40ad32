-- name: subqueries-not_in_list_with_null
-- dataset: misc
-- expect: oracle
select id from misc.people where age not in (36, null)
