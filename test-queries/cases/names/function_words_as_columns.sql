-- name: names-function_words_as_columns
-- dataset: tpch
-- expect: oracle
select sum + 1 as next, count, max, exists from (select sum(n_nationkey) as sum, count(*) as count, max(n_name) as max, exists (select 1 from region) as exists from nation)
