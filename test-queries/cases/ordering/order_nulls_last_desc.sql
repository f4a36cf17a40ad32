-- name: ordering-order_nulls_last_desc
-- dataset: misc
-- expect: oracle
select name, age from misc.people order by age desc nulls last, id
