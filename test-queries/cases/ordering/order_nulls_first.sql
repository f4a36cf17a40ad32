-- name: ordering-order_nulls_first
-- dataset: misc
-- expect: oracle
select name, age from misc.people order by age nulls first, id
