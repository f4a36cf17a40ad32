-- name: nested-nested_columns
-- dataset: misc
-- expect: oracle
select * from misc.nested order by id
