-- name: names-keywords_as_names
-- dataset: tpch
-- expect: oracle
select d.day, d.date, d.int, d.timestamp, d.range, d.sum, d.count from (select n_nationkey as day, n_name as date, n_regionkey as int, n_nationkey * 2 as timestamp, 1 as range, n_nationkey + 1 as sum, 3 as count from nation) as d order by day limit 5
