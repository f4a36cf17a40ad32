-- name: errors-parse_error_at_end
-- dataset: tpch
-- expect: error PARSE_ERROR
select * from
