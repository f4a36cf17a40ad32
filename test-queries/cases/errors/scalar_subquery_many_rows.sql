-- name: errors-scalar_subquery_many_rows
-- dataset: tpch
-- expect: error QUERY_FAILED
select (select n_name from nation) as one_name
