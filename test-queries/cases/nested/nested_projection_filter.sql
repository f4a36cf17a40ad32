-- name: nested-nested_projection_filter
-- dataset: misc
-- expect: oracle
select n.id, n.person, n.events, n.counts from misc.nested n where n.xs is not null and n.id > 1
