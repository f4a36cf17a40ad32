package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.PlanDescription;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose statistics rule a filter out are not read: EXPLAIN names the files kept out of all and
 * the predicates that decided, the LAMBDA fan-out shrinks with them, and answers stay DuckDB's. The
 * demo lineitem is written in l_orderkey order over 4 files, so order-key ranges prune. Pruning comes
 * before placement: costs see the kept files' rows and bytes.
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

    @Test
    void costsAreTheKeptFilesBeforePlacement() throws Exception {
        Path lineitem = lake.resolve("tpch").resolve("lineitem");
        String keptFile = lineitem.resolve("part-001.parquet").toString();
        long keptRows = ((Number) oracle.run("select count(*) from read_parquet('" + keptFile + "')", allocator).rows().get(0).get(0)).longValue();
        long allRows = ((Number) oracle.run("select count(*) from tpch.lineitem", allocator).rows().get(0).get(0)).longValue();
        // Fleet costs fan a scan of the whole table out; a scan of one small file does not pay for its tasks and exchange.
        try (EmbeddedService fleet = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE)
                .withCostShape(DeploymentCosts.Shape.FLEET), GenerationProgress.SILENT)) {
            Explanation pruned = fleet.executor().explain("SELECT count(*) AS n, sum(l_quantity) AS q FROM tpch.lineitem WHERE l_orderkey < 100");
            PlanDescription prunedScan = scanOf(pruned);
            assertTrue(prunedScan.details().contains("1/4 files"), prunedScan.details());
            assertEquals(keptRows, prunedScan.estimatedRows(), 0.0, "the scan's estimated rows are the kept file's");
            assertTrue(pruned.text().contains(Files.size(Path.of(keptFile)) + " bytes read"), "the scan reads the kept file's bytes: " + pruned.text());
            assertEquals(Tier.MONOSTORE.name(), prunedScan.tier(), pruned.text());
            PlanDescription wholeScan = scanOf(fleet.executor().explain("SELECT count(*) AS n, sum(l_quantity) AS q FROM tpch.lineitem WHERE l_quantity < 100"));
            assertEquals(allRows, wholeScan.estimatedRows(), 0.0);
            assertEquals(Tier.LAMBDA.name(), wholeScan.tier(), "the unpruned scan fans out");
        }
    }

    private static PlanDescription scanOf(Explanation explanation) {
        return explanation.plan().allNodes().stream().filter(node -> node.operator().equals("TierTableScan")).findFirst().orElseThrow();
    }
}
