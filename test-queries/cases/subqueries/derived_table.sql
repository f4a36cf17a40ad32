-- name: subqueries-derived_table
-- dataset: tpch
-- expect: oracle
select avg(cnt) as avg_lines from (select l_orderkey, count(*) as cnt from lineitem group by l_orderkey) as t
