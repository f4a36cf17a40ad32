-- name: friendly-distinct_on_desc
-- dataset: tpch
-- expect: oracle
select distinct on (o_orderpriority) o_orderpriority, o_orderkey, o_totalprice from orders order by o_orderpriority, o_totalprice desc, o_orderkey
