-- name: errors-unknown_schema
-- dataset: tpch
-- expect: error TABLE_NOT_FOUND
select * from nowhere.nation
