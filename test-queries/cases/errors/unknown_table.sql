-- name: errors-unknown_table
-- dataset: tpch
-- expect: error TABLE_NOT_FOUND
select * from no_such_table
