-- name: catalog-use_schema_summarize
-- dataset: misc
-- expect: oracle
use Misc;
summarize select * exclude (name) from people
