package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.flight.TaskStats;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fragments ship only the columns the query uses: every scan reads, and every exchange carries, the
 * columns needed above it. Fleet costs put the scans on the LAMBDA workers, so their rows cross exchanges.
 */
class ColumnPruningTest extends FleetTpchTest {
    private static final List<String> CUSTOMER_COLUMNS = List.of("c_custkey", "c_name", "c_address", "c_nationkey", "c_phone", "c_acctbal",
            "c_mktsegment", "c_comment");
    private static final List<String> ORDERS_COLUMNS = List.of("o_orderkey", "o_custkey", "o_orderstatus", "o_totalprice", "o_orderdate",
            "o_orderpriority", "o_clerk", "o_shippriority", "o_comment");
    private static final List<String> LINEITEM_COLUMNS = List.of("l_orderkey", "l_partkey", "l_suppkey", "l_linenumber", "l_quantity",
            "l_extendedprice", "l_discount", "l_tax", "l_returnflag", "l_linestatus", "l_shipdate", "l_commitdate", "l_receiptdate",
            "l_shipinstruct", "l_shipmode", "l_comment");
    private static final Set<String> Q3_COLUMNS = Set.of("c_custkey", "c_mktsegment", "o_orderkey", "o_custkey", "o_orderdate",
            "o_shippriority", "l_orderkey", "l_extendedprice", "l_discount", "l_shipdate");
    // Q3's joins and filters, every column of the three tables kept: what its exchanges carried before trimming.
    private static final String Q3_WHOLE_ROWS = "select * from customer, orders, lineitem where c_mktsegment = 'BUILDING' "
            + "and c_custkey = o_custkey and l_orderkey = o_orderkey and o_orderdate < date '1995-03-15' and l_shipdate > date '1995-03-15'";

    @Test
    void aScanOnTheFleetReadsOnlyTheColumnsTheQueryUses() throws Exception {
        String sql = "select l_returnflag, l_quantity from lineitem where l_quantity > 49";
        List<FragmentDescription> scans = lambdaFragments(sql);
        assertEquals(1, scans.size(), "one scan fragment");
        String scanSql = scans.get(0).duckDbSql();
        assertFalse(scanSql.contains("SELECT * FROM (read_parquet"), scanSql);
        for (String column : LINEITEM_COLUMNS) {
            assertEquals(column.equals("l_returnflag") || column.equals("l_quantity"), scanSql.contains(column), column + " in " + scanSql);
        }
        assertPasses(sql);
    }

    @Test
    void q3sFleetFragmentsReadOnlyItsColumnsAndMoveAThirdOfTheWholeRowBytesAtMost() throws Exception {
        String q3 = TpchCases.sql("tpch-q03");
        List<FragmentDescription> fleetFragments = lambdaFragments(q3);
        assertFalse(fleetFragments.isEmpty(), "Q3 fans out with fleet costs");
        for (FragmentDescription fragment : fleetFragments) {
            assertFalse(fragment.duckDbSql().contains("SELECT * FROM (read_parquet"), fragment.duckDbSql());
            for (String column : concat(CUSTOMER_COLUMNS, ORDERS_COLUMNS, LINEITEM_COLUMNS)) {
                if (!Q3_COLUMNS.contains(column)) {
                    assertFalse(fragment.duckDbSql().contains(column), column + " in " + fragment.duckDbSql());
                }
            }
        }
        long trimmed = exchangedBytes(q3);
        long whole = exchangedBytes(Q3_WHOLE_ROWS);
        assertTrue(trimmed > 0, "Q3's fleet fragments sent rows");
        assertTrue(trimmed * 3 <= whole, "Q3's exchanges carried " + trimmed + " bytes, whole rows " + whole);
        assertPasses(q3);
    }

    private static List<FragmentDescription> lambdaFragments(String sql) {
        return puffin.service().executor().explain(sql).fragments().stream()
                .filter(fragment -> fragment.tier().equals(Tier.LAMBDA.name())).toList();
    }

    /** The bytes every task of every fragment sent to its consumer (EXPLAIN ANALYZE). */
    private static long exchangedBytes(String sql) {
        return puffin.service().executor().explainAnalyze(sql).fragments().stream()
                .flatMap(fragment -> fragment.actualTasks().stream()).mapToLong(TaskStats::bytesOut).sum();
    }

    private static void assertPasses(String sql) throws Exception {
        puffin.checker().failure(QueryCase.adhoc(sql)).ifPresent(failure -> fail(sql + "\n" + failure));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
