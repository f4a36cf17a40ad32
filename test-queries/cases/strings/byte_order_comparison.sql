-- name: strings-byte_order_comparison
-- dataset: misc
-- expect: oracle
select name from misc.people where name > 'Z'
