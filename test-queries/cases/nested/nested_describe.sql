-- name: nested-nested_describe
-- dataset: misc
-- expect: oracle
describe misc.nested
