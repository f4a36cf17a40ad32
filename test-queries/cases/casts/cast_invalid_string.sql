-- name: casts-cast_invalid_string
-- dataset: misc
-- expect: error QUERY_FAILED
select cast(name as integer) as n from misc.people
