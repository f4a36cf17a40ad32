-- name: names-keywords_as_labels
-- dataset: tpch
-- expect: oracle
select n_name as left, n_nationkey as join, n_regionkey as by, n_comment like '%the%' as like from nation order by 2 limit 4
