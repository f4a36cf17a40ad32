-- name: functions-first_order_by
-- dataset: misc
-- expect: oracle
select city, first(name order by age desc) as oldest from misc.people group by city
