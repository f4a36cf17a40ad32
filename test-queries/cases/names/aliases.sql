-- name: names-aliases
-- dataset: tpch
-- expect: oracle
SELECT c.c_mktsegment segment, count(*) cnt FROM customer c GROUP BY c.c_mktsegment HAVING count(*) >= 10 ORDER BY cnt, c.c_mktsegment
