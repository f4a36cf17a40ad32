-- name: joins-self_join_split_table
-- dataset: tpch
-- expect: oracle
select count(*) as pairs, sum(a.l_quantity - b.l_quantity) as diff from lineitem a join lineitem b on a.l_orderkey = b.l_orderkey and a.l_linenumber < b.l_linenumber
