-- name: dates-extract_literal
-- dataset: tpch
-- expect: oracle
select extract(dow from date '2024-03-03') as dow, extract(year from date '2024-03-03') as y, extract(doy from date '2024-12-31') as doy
