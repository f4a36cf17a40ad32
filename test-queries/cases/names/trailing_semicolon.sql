-- name: names-trailing_semicolon
-- dataset: tpch
-- expect: oracle
select 1;
