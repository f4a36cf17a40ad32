-- name: windows-partition_over_split_table
-- dataset: tpch
-- expect: oracle
select l_orderkey, l_linenumber, count(*) over (partition by l_orderkey) as lines from lineitem where l_orderkey < 100
