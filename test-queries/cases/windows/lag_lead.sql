-- name: windows-lag_lead
-- dataset: tpch
-- expect: oracle
select n_nationkey, lag(n_name) over (order by n_nationkey) as previous_name, lead(n_name, 2) over (order by n_nationkey) as next2 from nation
