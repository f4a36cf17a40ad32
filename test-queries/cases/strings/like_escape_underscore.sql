-- name: strings-like_escape_underscore
-- dataset: misc
-- expect: oracle
select id, t from misc.texts where t like '%!_%' escape '!' or t like '_' or t like '%"%'
