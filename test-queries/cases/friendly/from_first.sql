-- name: friendly-from_first
-- dataset: tpch
-- expect: oracle
from region
