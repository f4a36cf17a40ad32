-- name: ctes-recursive_graph_walk
-- dataset: tpch
-- expect: oracle
with recursive reach(k) as (select n_nationkey from nation where n_name = 'FRANCE' union select (n.n_nationkey * 7 + 3) % 25 from reach join nation n on n.n_nationkey = reach.k) select k from reach
