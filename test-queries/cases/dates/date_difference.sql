-- name: dates-date_difference
-- dataset: tpch
-- expect: oracle
select l_orderkey, l_linenumber, l_receiptdate - l_shipdate as transit_days from lineitem where l_orderkey < 4
