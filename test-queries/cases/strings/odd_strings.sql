-- name: strings-odd_strings
-- dataset: misc
-- expect: oracle
select id, t, char_length(t) as len, upper(t) as u, t = 'NULL' as is_null_text from misc.texts
