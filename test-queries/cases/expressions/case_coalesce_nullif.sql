-- name: expressions-case_coalesce_nullif
-- dataset: misc
-- expect: oracle
select id, case when age is null then 'unknown' when age > 40 then 'old' else 'young' end as bucket, coalesce(city, '?') as city, nullif(age, 36) as not36 from misc.people
