-- name: expressions-simple_case_nulls
-- dataset: misc
-- expect: oracle
select id, case city when 'London' then 1 when null then 2 else 0 end as c, case when name = '' then 'empty' when name is null then 'null' end as e from misc.people
