-- name: catalog-use_schema
-- dataset: misc
-- expect: oracle
use misc; select id, name from people order by id
