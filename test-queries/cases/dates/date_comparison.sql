-- name: dates-date_comparison
-- dataset: tpch
-- expect: oracle
select count(*) as n from lineitem where l_shipdate between date '1995-01-01' and date '1995-12-31'
