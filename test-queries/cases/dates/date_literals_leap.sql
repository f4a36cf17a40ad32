-- name: dates-date_literals_leap
-- dataset: tpch
-- expect: oracle
select date '2024-01-31' + interval '1' month as feb, date '2023-03-01' - interval '1' day as last_feb, date '2024-02-29' + interval '1' year as after_leap
