-- name: catalog-use_schema_show_tables
-- dataset: misc
-- expect: oracle
USE misc;
SHOW TABLES;
