-- name: catalog-summarize_qualified_table
-- dataset: misc
-- expect: oracle
summarize misc.people
