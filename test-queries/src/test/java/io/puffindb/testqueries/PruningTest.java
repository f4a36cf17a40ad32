package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.executors.Explanation;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose statistics rule a filter out are not read: EXPLAIN names the files kept out of all and
 * the predicates that decided, the LAMBDA fan-out shrinks with them, and answers stay DuckDB's. The
 * demo lineitem is written in l_orderkey order over 4 files, so order-key ranges prune.
 */
class PruningTest {
    @TempDir
    static Path lake;
    static EmbeddedService service;
    static Oracle oracle;
    static BufferAllocator allocator;
    static CaseChecker checker;
    static PuffinClient client;

    @BeforeAll
    static void start() throws Exception {
        // The placement under test is the planner's own: no RAM layer, whose hot tables would draw scans onto the MONOSTORE.
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT);
        oracle = new Oracle(lake, "tpch");
        allocator = new RootAllocator();
        client = new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
        checker = new CaseChecker(client, oracle, allocator);
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable a = allocator; AutoCloseable o = oracle; AutoCloseable s = service) {
            // closed in reverse order
        }
    }

    // DuckDB alone reads the Parquet copy; the Iceberg copy holds the same rows.
    private static void assertSameAsDuckDb(String sql) throws Exception {
        String parquetSql = sql.replace("iceberg.tpch.", "tpch.");
        checker.failure(QueryCase.adhoc(parquetSql)).ifPresent(failure -> fail(parquetSql + ": " + failure));
        if (!parquetSql.equals(sql)) {
            assertEquals(client.query(parquetSql, allocator).result().rows(), client.query(sql, allocator).result().rows(), sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpch.lineitem", "iceberg.tpch.lineitem"})
    void aKeyRangeReadsOnlyTheFilesThatHoldIt(String table) throws Exception {
        String sql = "SELECT count(*) AS n, sum(l_quantity) AS q FROM " + table + " WHERE l_orderkey < 100";
        Explanation explanation = service.executor().explain(sql);
        assertTrue(explanation.text().contains("1/4 files by [<(l_orderkey, 100)]"), explanation.text());
        int scanTasks = explanation.fragments().stream().filter(fragment -> fragment.tier().equals("LAMBDA"))
                .mapToInt(FragmentDescription::tasks).sum();
        assertTrue(scanTasks <= 1, "tasks over the one kept file: " + scanTasks);
        assertSameAsDuckDb(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpch.lineitem", "iceberg.tpch.lineitem"})
    void aRangeNoFileHoldsStillAnswersFromOneFile(String table) throws Exception {
        String sql = "SELECT count(*) AS n FROM " + table + " WHERE l_orderkey BETWEEN 100000000 AND 200000000";
        assertTrue(service.executor().explain(sql).text().contains("pruned=[1/4 files"), service.executor().explain(sql).text());
        assertSameAsDuckDb(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpch.lineitem", "iceberg.tpch.lineitem"})
    void predicatesStatisticsCannotDecideKeepEveryFile(String table) throws Exception {
        String sql = "SELECT count(*) AS n FROM " + table + " WHERE l_orderkey % 7 = 3 OR l_comment LIKE '%fox%'";
        Explanation explanation = service.executor().explain(sql);
        assertFalse(explanation.text().contains("pruned="), explanation.text());
        assertSameAsDuckDb(sql);
        assertEquals(4, explanation.fragments().stream().filter(fragment -> fragment.tier().equals("LAMBDA"))
                .mapToInt(FragmentDescription::tasks).max().orElse(4), "every file is read");
    }
}
