-- name: casts-cast_boolean_column_to_varchar
-- dataset: misc
-- expect: oracle
select id, cast(age > 30 as varchar) as older from misc.people
