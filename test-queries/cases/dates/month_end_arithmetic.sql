-- name: dates-month_end_arithmetic
-- dataset: misc
-- expect: oracle
select id, born, born + interval '1' year as next_year, born + interval '1' month as next_month from misc.people
