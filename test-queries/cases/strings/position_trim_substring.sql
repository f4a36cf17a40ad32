-- name: strings-position_trim_substring
-- dataset: misc
-- expect: oracle
select id, position('a' in name) as pos, trim(both 'e' from lower(name)) as trimmed, substring(name from 3) as rest from misc.people
