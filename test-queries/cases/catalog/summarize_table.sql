-- name: catalog-summarize_table
-- dataset: tpch
-- expect: oracle
summarize nation
