-- name: strings-substring_upper_non_ascii
-- dataset: misc
-- expect: oracle
select upper(name) as u, lower(city) as l, substring(name from 2 for 3) as s from misc.people
