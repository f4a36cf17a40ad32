-- name: catalog-show_tables
-- dataset: tpch
-- expect: oracle
show tables;
