package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.HandoverSettings;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LAMBDA outputs handed over instead of streamed: each task runs to its end, puts its Arrow IPC
 * output into the Registry (at most the size threshold) or spills it to the object store, and the
 * MONOSTORE starts reading when the Registry counts the stage complete. Each path is forced with the
 * threshold, on the real Redis and in memory, and every TPC-H answer must still be DuckDB's.
 */
class HandoverTest {
    @TempDir
    static Path lake;
    @TempDir
    static Path spill;
    static BufferAllocator allocator;
    static Oracle oracle;

    @BeforeAll
    static void start() throws Exception {
        // The first service generates the demo lake; the oracle reads the same files.
        try (EmbeddedService generator = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 0), GenerationProgress.SILENT)) {
            allocator = new RootAllocator();
            oracle = new Oracle(lake, "tpch");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle) {
            // closed in reverse order
        }
    }

    @Test
    void smallOutputsGoThroughRedisAndEveryAnswerIsDuckDbs() throws Exception {
        HandoverSettings registryOnly = new HandoverSettings(HandoverSettings.Mode.HANDOVER, 64L << 20, spill.toString(), Duration.ofMinutes(1));
        PuffinConfig config = lambdaOnly().withRegistry("redis://127.0.0.1:6379/handover-" + UUID.randomUUID()).withHandover(registryOnly);
        try (EmbeddedService service = EmbeddedService.start(config, GenerationProgress.SILENT, CheckedService::fleetOverFastLink)) {
            assertAllTpchQueriesPass(service);
            assertEquals(Set.of(TaskStats.REGISTRY), deliveries(service, TpchCases.sql("tpch-q03")));
        }
        assertNothingLeftIn(spill);
    }

    @Test
    void outputsOverTheThresholdAreSpilledToTheObjectStoreAndCleanedUp() throws Exception {
        HandoverSettings spillAll = new HandoverSettings(HandoverSettings.Mode.HANDOVER, 0, spill.toString(), Duration.ofMinutes(1));
        try (EmbeddedService service = EmbeddedService.start(lambdaOnly().withHandover(spillAll), GenerationProgress.SILENT, CheckedService::fleetOverFastLink)) {
            assertAllTpchQueriesPass(service);
            assertEquals(Set.of(TaskStats.SPILL), deliveries(service, TpchCases.sql("tpch-q03")));
        }
        assertNothingLeftIn(spill);
    }

    @Test
    void automaticallySmallPartialAggregatesAreHandedOverAndLargeScansStreamed() throws Exception {
        // The demo lake is small: at the default 1 MiB even a task's share of lineitem would count as small.
        HandoverSettings auto = HandoverSettings.defaults(spill.toString()).withSmallResultBytes(64 << 10);
        try (EmbeddedService service = EmbeddedService.start(lambdaOnly().withHandover(auto), GenerationProgress.SILENT, CheckedService::fleetOverFastLink)) {
            assertEquals(Set.of(TaskStats.REGISTRY), deliveries(service, TpchCases.sql("tpch-q01")), "a few dozen partial groups per task");
            assertEquals(Set.of(TaskStats.STREAM), deliveries(service, "SELECT * FROM lineitem WHERE l_quantity > 1"),
                    "almost all of lineitem");
        }
    }

    private static void assertAllTpchQueriesPass(EmbeddedService service) throws Exception {
        CaseChecker checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + service.port())), oracle, allocator);
        for (QueryCase query : TpchCases.all()) {
            checker.failure(query).ifPresent(failure -> fail(query.name() + ": " + failure));
        }
    }

    // What is handed over are LAMBDA tasks' outputs: no RAM layer here, whose hot tables would draw scans onto the MONOSTORE,
    // and fleet costs (with a fast link: CheckedService.fleetOverFastLink), since shared-host costs keep these small scans on the MONOSTORE.
    private static PuffinConfig lambdaOnly() {
        return PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE).withCostShape(DeploymentCosts.Shape.FLEET);
    }

    private static Set<String> deliveries(EmbeddedService service, String sql) {
        Explanation analyzed = service.executor().explainAnalyze(sql);
        List<TaskStats> tasks = analyzed.fragments().stream().flatMap(fragment -> fragment.actualTasks().stream()).toList();
        assertFalse(tasks.isEmpty(), "the query ran LAMBDA tasks");
        return tasks.stream().map(TaskStats::delivery).collect(Collectors.toSet());
    }

    private static void assertNothingLeftIn(Path folder) throws Exception {
        try (Stream<Path> left = Files.walk(folder)) {
            assertTrue(left.filter(Files::isRegularFile).toList().isEmpty(), "spilled outputs are deleted after their queries");
        }
    }
}
