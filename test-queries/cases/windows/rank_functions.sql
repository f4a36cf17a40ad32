-- name: windows-rank_functions
-- dataset: tpch
-- expect: oracle
select n_name, n_regionkey, rank() over (partition by n_regionkey order by n_name) as r, row_number() over (order by n_nationkey) as rn from nation
