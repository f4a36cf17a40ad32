-- name: ordering-order_by_alias_ordinal
-- dataset: tpch
-- expect: oracle
select n_regionkey as region, count(*) as n from nation group by n_regionkey order by 2 desc, region
