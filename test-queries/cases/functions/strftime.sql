-- name: functions-strftime
-- dataset: misc
-- expect: oracle
select p.id, strftime(p.born, '%Y/%m/%d') as born_text, strftime(v.visited_at, '%H:%M on %A') as seen from misc.people p left join misc.visits v on v.person_id = p.id
