-- name: catalog-describe_unknown_table
-- dataset: tpch
-- expect: error TABLE_NOT_FOUND
describe no_such_table
