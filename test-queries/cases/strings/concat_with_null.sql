-- name: strings-concat_with_null
-- dataset: misc
-- expect: oracle
select id, name || city as joined, name || '' as same from misc.people
