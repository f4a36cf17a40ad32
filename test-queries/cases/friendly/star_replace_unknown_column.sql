-- name: friendly-star_replace_unknown_column
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:39
select * exclude (r_comment) replace (1 as nope) from region
