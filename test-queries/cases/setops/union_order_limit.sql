-- name: setops-union_order_limit
-- dataset: misc
-- expect: oracle
select city from misc.people union select city from misc.cities order by city nulls first limit 3
