-- name: windows-sliding_frame_split_table
-- dataset: tpch
-- expect: oracle
select l_orderkey, l_linenumber, avg(l_quantity) over (partition by l_orderkey order by l_linenumber rows between 1 preceding and 1 following) as smoothed from lineitem where l_orderkey < 40
