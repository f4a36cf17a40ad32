-- name: ordering-top_n_split_table
-- dataset: tpch
-- expect: oracle
select l_orderkey, l_linenumber, l_extendedprice from lineitem order by l_extendedprice desc, l_orderkey, l_linenumber limit 20
