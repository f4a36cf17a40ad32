-- name: functions-date_diff
-- dataset: misc
-- expect: oracle
-- known-failure: PARSE_ERROR 'Encountered "DATE"': Calcite's grammar reads DATE_DIFF as BigQuery's DATE_DIFF(a, b, <time unit>) (DateDiffFunctionCall); DuckDB's date_diff(part, a, b) needs the grammar branch to drop that production (datediff, the same DuckDB function, works: functions/datediff)
select id, date_diff('day', born, DATE '2024-01-01') as days from misc.people
