-- name: aggregates-min_max_non_ascii
-- dataset: misc
-- expect: oracle
select city, min(name) as first, max(name) as last, max(born) as youngest from misc.people group by city
