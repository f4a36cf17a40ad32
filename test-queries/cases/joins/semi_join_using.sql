-- name: joins-semi_join_using
-- dataset: tpch
-- expect: oracle
select s.s_name from supplier s semi join (select ps_suppkey as s_suppkey from partsupp where ps_availqty < 20) p using (s_suppkey)
