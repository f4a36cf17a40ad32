-- name: functions-regexp_matches
-- dataset: misc
-- expect: oracle
select id, t, regexp_matches(t, '[a-z]+_[a-z]+') as snake, regexp_extract(t, '[a-z]+') as word from misc.texts
