-- name: friendly-columns_star
-- dataset: misc
-- expect: oracle
select min(columns(*)) from misc.people
