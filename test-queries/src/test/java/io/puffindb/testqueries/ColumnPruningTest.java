package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CostParameters;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fragments ship only the columns the query uses: every scan reads, and every exchange carries, the
 * columns needed above it. Fleet costs (a fast lake from the LAMBDA fleet, a slow one elsewhere) put
 * every scan on the fleet, so each scan's rows cross an exchange.
 */
class ColumnPruningTest {
    private static final List<String> LINEITEM_COLUMNS = List.of("l_orderkey", "l_partkey", "l_suppkey", "l_linenumber", "l_quantity",
            "l_extendedprice", "l_discount", "l_tax", "l_returnflag", "l_linestatus", "l_shipdate", "l_commitdate", "l_receiptdate",
            "l_shipinstruct", "l_shipmode", "l_comment");

    @TempDir
    static Path lake;
    static EmbeddedService service;
    static BufferAllocator allocator;
    static Oracle oracle;
    static CaseChecker checker;

    @BeforeAll
    static void start() throws Exception {
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT,
                workers -> CostParameters.defaults(workers)
                        .withLakeBytesPerSecond(Map.of(Tier.LAMBDA, 1e9, Tier.MONOSTORE, 1e3, Tier.CLIENT, 1e3)));
        allocator = new RootAllocator();
        oracle = new Oracle(lake, "tpch");
        checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + service.port())), oracle, allocator);
    }

    @AfterAll
    static void stop() throws Exception {
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle; EmbeddedService puffin = service) {
            // closed in reverse order
        }
    }

    @Test
    void aScanOnTheFleetReadsOnlyTheColumnsTheQueryUses() throws Exception {
        String sql = "select l_returnflag, l_quantity from lineitem where l_quantity > 49";
        List<FragmentDescription> scans = service.executor().explain(sql).fragments().stream()
                .filter(fragment -> fragment.tier().equals(Tier.LAMBDA.name())).toList();
        assertEquals(1, scans.size(), "one scan fragment");
        String scanSql = scans.get(0).duckDbSql();
        assertFalse(scanSql.contains("SELECT * FROM (read_parquet"), scanSql);
        for (String column : LINEITEM_COLUMNS) {
            assertEquals(column.equals("l_returnflag") || column.equals("l_quantity"), scanSql.contains(column), column + " in " + scanSql);
        }
        assertPasses(sql);
    }

    @Test
    void tpchJoinsMoveAFractionOfTheBytesThatWholeRowsWould() throws Exception {
        String q10Rows = "select * from customer, orders, lineitem, nation where c_custkey = o_custkey and l_orderkey = o_orderkey "
                + "and o_orderdate >= date '1993-10-01' and o_orderdate < date '1993-10-01' + interval '3' month "
                + "and l_returnflag = 'R' and c_nationkey = n_nationkey";
        String q5Rows = "select * from customer, orders, lineitem, supplier, nation, region where c_custkey = o_custkey "
                + "and l_orderkey = o_orderkey and l_suppkey = s_suppkey and c_nationkey = s_nationkey and s_nationkey = n_nationkey "
                + "and n_regionkey = r_regionkey and r_name = 'ASIA' and o_orderdate >= date '1994-01-01' "
                + "and o_orderdate < date '1994-01-01' + interval '1' year";
        assertMovesAtMost(TpchCases.sql("tpch-q10"), q10Rows, 1.0 / 3);
        assertMovesAtMost(TpchCases.sql("tpch-q05"), q5Rows, 1.0 / 2);
        assertPasses(TpchCases.sql("tpch-q05"));
        assertPasses(TpchCases.sql("tpch-q10"));
    }

    private static void assertMovesAtMost(String sql, String wholeRows, double fraction) throws Exception {
        long pruned = exchangedBytes(sql);
        long whole = exchangedBytes(wholeRows);
        System.out.println("exchanged " + pruned + " bytes against " + whole + " for whole rows: " + sql.lines().findFirst().orElse(""));
        assertTrue(pruned > 0);
        assertTrue(pruned <= whole * fraction, "exchanges carried " + pruned + " bytes, whole rows " + whole);
    }

    /** The bytes every task of every fragment sent to its consumer. */
    private static long exchangedBytes(String sql) throws Exception {
        return service.executor().explainAnalyze(sql).fragments().stream()
                .flatMap(fragment -> fragment.actualTasks().stream()).mapToLong(TaskStats::bytesOut).sum();
    }

    private static void assertPasses(String sql) throws Exception {
        checker.failure(QueryCase.adhoc(sql)).ifPresent(failure -> fail(sql + "\n" + failure));
    }
}
