-- name: strings-ilike_non_ascii
-- dataset: misc
-- expect: oracle
select name, city from misc.people where name ilike '%ÉDOU%' or upper(city) = 'TŌKYŌ' or name ilike 'STRASSE'
