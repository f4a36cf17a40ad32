-- name: names-unreserved_words
-- dataset: tpch
-- expect: oracle
select n_nationkey as value, n_regionkey as one, n_name as prev, 1 as begin, 2 as groups from nation order by value limit 3
