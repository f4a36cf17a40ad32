-- name: functions-filter_on_macro_aggregate
-- dataset: misc
-- expect: error VALIDATION_ERROR
select geomean(age) filter (where age > 30) as g from misc.people
