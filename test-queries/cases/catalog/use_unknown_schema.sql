-- name: catalog-use_unknown_schema
-- dataset: misc
-- expect: error VALIDATION_ERROR 1:5
use nowhere; select 1
