-- name: catalog-describe_table
-- dataset: tpch
-- expect: oracle
describe lineitem
