-- name: friendly-columns_no_match
-- dataset: tpch
-- expect: error VALIDATION_ERROR 1:16
select columns('zzz') from nation
