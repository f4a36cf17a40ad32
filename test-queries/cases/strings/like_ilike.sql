-- name: strings-like_ilike
-- dataset: misc
-- expect: oracle
select name from misc.people where name like '%a%' or name ilike 'ST%'
