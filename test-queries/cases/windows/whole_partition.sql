-- name: windows-whole_partition
-- dataset: tpch
-- expect: oracle
select n_regionkey, n_name, max(n_name) over (partition by n_regionkey) as last_in_region, count(*) over () as total from nation
