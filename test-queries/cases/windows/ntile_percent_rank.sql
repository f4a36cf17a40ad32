-- name: windows-ntile_percent_rank
-- dataset: tpch
-- expect: oracle
select n_nationkey, ntile(4) over (order by n_nationkey) as quartile, percent_rank() over (order by n_nationkey) as pr, cume_dist() over (order by n_nationkey) as cd from nation
