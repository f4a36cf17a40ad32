-- name: functions-levenshtein
-- dataset: misc
-- expect: oracle
select id, name, levenshtein(coalesce(name, ''), 'Ada') as distance, damerau_levenshtein(coalesce(name, ''), 'aDa') as damerau from misc.people
