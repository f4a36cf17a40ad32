package io.puffindb.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.PuffinException;
import java.util.List;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's friendly clauses become standard ones before validation (their answers are compared with DuckDB's
 * in test-queries' friendly cases): what each becomes, and that the result validates with DuckDB's names.
 */
class FriendlySqlTest {
    private static final String T = "(values (1, 'a', 10), (1, 'b', 20), (2, 'c', 30)) as t(k, s, v)";
    private final SqlFrontEnd frontEnd = EmptyLake.frontEnd();

    private String rewritten(String sql) {
        return frontEnd.parse(sql).toString().replaceAll("\\s+", " ");
    }

    private List<String> names(String sql) {
        return frontEnd.toLogicalPlan(frontEnd.parse(sql), new VolcanoPlanner(), DefaultRelMetadataProvider.INSTANCE, List.of()).columnNames();
    }

    @Test
    void groupByAllGroupsByTheItemsWithoutAggregates() {
        String sql = "select k, count(*) as c, k * 2 as k2, sum(v) + 1 as s from " + T + " group by all";
        assertTrue(rewritten(sql).endsWith("GROUP BY 1, 3"), rewritten(sql));
        assertEquals(List.of("k", "c", "k2", "s"), names(sql));
    }

    @Test
    void groupByAllOfAggregatesOnlyIsOneGroup() {
        assertTrue(!rewritten("select count(*) from " + T + " group by all").contains("GROUP BY"));
    }

    @Test
    void groupByAllFollowedByAListIsSqlsSetQuantifier() {
        assertEquals(List.of("k", "c"), names("select k, count(*) as c from " + T + " group by all k"));
    }

    @Test
    void orderByAllOrdersByEveryItem() {
        assertTrue(rewritten("select s, k from " + T + " order by all desc nulls first").endsWith(
                "ORDER BY 1 DESC NULLS FIRST, 2 DESC NULLS FIRST"), rewritten("select s, k from " + T + " order by all desc nulls first"));
    }

    @Test
    void allCountsTheColumnsOfAStar() {
        String sql = "select *, count(*) as c from (select k, s from " + T + ") group by all order by all";
        assertTrue(rewritten(sql).endsWith("GROUP BY `k`, `s` ORDER BY 1, 2, 3"), rewritten(sql));
        assertEquals(List.of("k", "s", "c"), names(sql));
        assertTrue(rewritten("from " + T + " order by all").endsWith("ORDER BY 1, 2, 3"));
        String afterStar = "select *, k * 2 as k2, sum(v) as total from (select k, s, v from " + T + ") group by all";
        assertTrue(rewritten(afterStar).endsWith("GROUP BY `k`, `s`, `v`, 2"), rewritten(afterStar));
        assertTrue(rewritten("select * exclude (v) from " + T + " order by all").endsWith("ORDER BY 1, 2"));
    }

    @Test
    void distinctOnIsTheFirstRowOfEachKeyInTheQuerysOrder() {
        String sql = "select distinct on (k) k, s as name from " + T + " order by k, name desc";
        assertTrue(rewritten(sql).contains("QUALIFY (ROW_NUMBER() OVER (PARTITION BY `k` ORDER BY `k`, `s` DESC)) = 1"), rewritten(sql));
        assertEquals(List.of("k", "name"), names(sql));
    }

    @Test
    void starExcludeAndReplace() {
        assertEquals(List.of("k", "v"), names("select * exclude (s) from " + T));
        assertEquals(List.of("k", "s", "v"), names("select * replace (v * 2 as v) from " + T));
    }

    @Test
    void fromFirst() {
        assertEquals(List.of("k", "s", "v"), names("from " + T));
        assertEquals(List.of("s"), names("from " + T + " select s where k = 1"));
    }

    @Test
    void allAndDistinctOnSeeThroughWith() {
        assertEquals(List.of("s"), names("with a as (from " + T + ") select s from a order by all"));
        String sql = "with a as (from " + T + ") select distinct on (k) k, s from a order by k, s desc";
        assertTrue(rewritten(sql).contains("QUALIFY (ROW_NUMBER() OVER (PARTITION BY `k` ORDER BY `k`, `s` DESC)) = 1"), rewritten(sql));
    }

    @Test
    void materializedCtes() {
        assertEquals(List.of("k"), names("with a as materialized (select k from " + T + "), b as not materialized (select * from a) select k from b"));
    }

    @Test
    void limitAndOffsetTakeConstantExpressions() {
        assertTrue(rewritten("select k from " + T + " limit 2 + 3 offset 2 * (1 + 1)").endsWith("OFFSET 4 ROWS FETCH NEXT 5 ROWS ONLY"),
                rewritten("select k from " + T + " limit 2 + 3 offset 2 * (1 + 1)"));
        PuffinException e = assertThrows(PuffinException.class, () -> frontEnd.parse("select k from " + T + " limit 1 - 2"));
        assertTrue(e.getMessage().contains("LIMIT must be a non-negative whole number, not -1"), e.getMessage());
    }
}
