-- name: catalog-describe_qualified_table
-- dataset: misc
-- expect: oracle
DESCRIBE misc.people;
