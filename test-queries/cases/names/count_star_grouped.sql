-- name: names-count_star_grouped
-- dataset: tpch
-- expect: oracle
select l_returnflag, count(*), sum(l_quantity), upper(l_linestatus) from lineitem group by l_returnflag, l_linestatus
