-- name: results-million_rows
-- dataset: tpch
-- expect: checksum
select l_orderkey, l_linenumber, n_nationkey from lineitem, nation where n_nationkey < 17
