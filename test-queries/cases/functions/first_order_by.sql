-- name: functions-first_order_by
-- dataset: misc
-- expect: oracle
-- known-failure: PARSE_ERROR 'Encountered "order"': Calcite's grammar takes an ORDER BY inside the parentheses only for STRING_AGG, ARRAY_AGG, ARRAY_CONCAT_AGG and GROUP_CONCAT; the validator and renderer take first(x ORDER BY y) (DuckDB's aggregates allow an ORDER BY) once the grammar branch parses it for any aggregate
select city, first(name order by age desc) as oldest from misc.people group by city
