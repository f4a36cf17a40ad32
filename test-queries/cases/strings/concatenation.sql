-- name: strings-concatenation
-- dataset: misc
-- expect: oracle
select name || ' from ' || coalesce(city, 'nowhere') as who, char_length(name) as n from misc.people
