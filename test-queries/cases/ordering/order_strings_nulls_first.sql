-- name: ordering-order_strings_nulls_first
-- dataset: misc
-- expect: oracle
select name from misc.people order by name desc nulls first
