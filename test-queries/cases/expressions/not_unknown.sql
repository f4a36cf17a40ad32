-- name: expressions-not_unknown
-- dataset: misc
-- expect: oracle
select id from misc.people where not (age > 30)
