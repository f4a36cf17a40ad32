-- name: casts-decimal_sum_widening
-- dataset: misc
-- expect: oracle
select sum(amount) as total, sum(amount * 100) as cents, max(amount) + 1 as bumped from misc.visits
