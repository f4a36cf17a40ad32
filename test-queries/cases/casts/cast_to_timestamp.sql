-- name: casts-cast_to_timestamp
-- dataset: misc
-- expect: oracle
select id, cast(cast(visited_at as date) as timestamp) as day_start, cast('2024-05-06 07:08:09.123456' as timestamp) as literal,
       cast(visited_at as timestamp) + interval '1' hour as later
from misc.visits
