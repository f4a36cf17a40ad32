-- name: functions-string_agg_order_by
-- dataset: misc
-- expect: oracle
select city, string_agg(name, ', ' order by name desc) as names, string_agg(name order by id) as by_id from misc.people group by city
