-- name: dates-date_difference
-- dataset: tpch
-- expect: oracle
-- known-failure: DATE - DATE (a BIGINT day count in DuckDB) is refused by Calcite's validator: 'Cannot apply '-' to arguments of type '<DATE> - <DATE>''
select l_orderkey, l_linenumber, l_receiptdate - l_shipdate as transit_days from lineitem where l_orderkey < 4
