package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CostParameters;
import io.puffindb.executors.HandoverSettings;
import io.puffindb.executors.PlanDescription;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.cache.RamCompression;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement invariance: a fixed sample of the regression suite (every topic) and the 22 TPC-H
 * queries, run on services that place the same plans differently, each answer (column names, types,
 * rows) equal to DuckDB's. One service at a time, each shared by all the cases it runs. Worker
 * processes and the CLIENT tier over S3 have the same checks in WorkerProcessesTest and ClientTierTest.
 */
class PlacementMatrixTest {
    private static final Path CASES = Path.of("cases");
    private static final int CASES_PER_TOPIC = 6;

    @TempDir
    static Path lake;
    @TempDir
    static Path spill;
    static BufferAllocator allocator;
    static Oracle oracle;

    /** One way of deploying the service; {@code passes} runs of the sample (a second one reads what the first promoted). */
    record Configuration(String name, Supplier<EmbeddedService> start, int passes) {
    }

    @BeforeAll
    static void start() throws Exception {
        Datasets.ensure(lake);
        allocator = new RootAllocator();
        oracle = new Oracle(lake, "tpch");
    }

    @AfterAll
    static void stop() throws Exception {
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle) {
            // closed in reverse order; a leaked buffer fails the class
        }
    }

    @TestFactory
    Stream<DynamicNode> everyConfigurationAnswersAsDuckDb() {
        List<QueryCase> sample = sample();
        return configurations().stream().map(configuration -> container(configuration, sample));
    }

    /** The first cases of every topic folder (by name), and TPC-H whole. */
    static List<QueryCase> sample() {
        Map<String, List<QueryCase>> byTopic = new LinkedHashMap<>();
        for (QueryCase queryCase : CaseLoader.loadAll(CASES)) {
            if (queryCase.knownFailure().isEmpty()) {
                byTopic.computeIfAbsent(CASES.relativize(queryCase.file()).getName(0).toString(), topic -> new ArrayList<>()).add(queryCase);
            }
        }
        List<QueryCase> sample = new ArrayList<>();
        byTopic.forEach((topic, cases) -> sample.addAll(topic.equals("tpch") ? cases : cases.subList(0, Math.min(CASES_PER_TOPIC, cases.size()))));
        return sample;
    }

    private static List<Configuration> configurations() {
        return List.of(
                new Configuration("embedded default", () -> EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2), GenerationProgress.SILENT), 1),
                new Configuration("fleet costs over in-process workers", () -> start(PuffinConfig.embedded(lake, 0, 2), CostParameters::defaults), 1),
                new Configuration("every scan on LAMBDA", PlacementMatrixTest::lambdaScans, 1),
                new Configuration("everything on the MONOSTORE", () -> start(noRam(),
                        workers -> CostParameters.defaults(workers).withLink(Tier.LAMBDA, Tier.MONOSTORE, 10)), 1),
                new Configuration("handover through the Registry (Redis)", () -> start(noRam()
                        .withRegistry("redis://127.0.0.1:6379/matrix-" + UUID.randomUUID())
                        .withHandover(new HandoverSettings(HandoverSettings.Mode.HANDOVER, 64L << 20, spill.toString(), Duration.ofMinutes(1))),
                        CostParameters::defaults), 1),
                new Configuration("spill to the object store", () -> start(noRam()
                        .withHandover(new HandoverSettings(HandoverSettings.Mode.HANDOVER, 0, spill.toString(), Duration.ofMinutes(1))),
                        CostParameters::defaults), 1),
                new Configuration("MONOSTORE RAM as in-memory tables, warm", () -> start(withRam(RamSettings.Form.TABLES), CostParameters::defaults), 2),
                new Configuration("MONOSTORE RAM as files, warm", () -> start(withRam(RamSettings.Form.FILES), CostParameters::defaults), 2));
    }

    private static DynamicContainer container(Configuration configuration, List<QueryCase> sample) {
        EmbeddedService[] service = new EmbeddedService[1];
        CaseChecker[] checker = new CaseChecker[1];
        List<DynamicNode> steps = new ArrayList<>();
        steps.add(DynamicTest.dynamicTest("start", () -> {
            service[0] = configuration.start().get();
            checker[0] = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + service[0].port())), oracle, allocator);
        }));
        for (int pass = 1; pass <= configuration.passes(); pass++) {
            String run = configuration.passes() == 1 ? "" : " (pass " + pass + ")";
            for (QueryCase queryCase : sample) {
                steps.add(DynamicTest.dynamicTest(queryCase.name() + run, queryCase.file().toUri(), () -> {
                    assertNotNull(checker[0], "the service did not start");
                    checker[0].failure(queryCase).ifPresent(failure -> fail(configuration.name() + ", " + queryCase.name() + ": " + failure));
                }));
            }
        }
        steps.add(DynamicTest.dynamicTest("stop", () -> {
            if (service[0] != null) {
                service[0].close();
            }
        }));
        return DynamicContainer.dynamicContainer(configuration.name(), steps);
    }

    // Reading the lake from the MONOSTORE made far dearer than from the fleet: every scan goes to LAMBDA (checked on Q1).
    private static EmbeddedService lambdaScans() {
        EmbeddedService service = start(noRam(), workers -> CostParameters.defaults(workers)
                .withLakeBytesPerSecond(Map.of(Tier.LAMBDA, 1e9, Tier.MONOSTORE, 1e3, Tier.CLIENT, 1e3)));
        List<PlanDescription> nodes = service.executor().explain(TpchCases.sql("tpch-q01")).plan().allNodes();
        nodes.stream().filter(node -> node.operator().equals("TierTableScan"))
                .forEach(scan -> assertEquals(Tier.LAMBDA.name(), scan.tier(), "scans on LAMBDA in this configuration"));
        return service;
    }

    // Without a RAM layer, whose hot tables would draw scans onto the MONOSTORE, the placement is the planner's own.
    private static PuffinConfig noRam() {
        return PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE);
    }

    private static PuffinConfig withRam(RamSettings.Form form) {
        RamSettings defaults = RamSettings.defaults();
        return PuffinConfig.embedded(lake, 0, 2).withRam(new RamSettings(form, defaults.dir(), 256L << 20, RamCompression.COMPRESSED));
    }

    private static EmbeddedService start(PuffinConfig config, IntFunction<CostParameters> costs) {
        return EmbeddedService.start(config, GenerationProgress.SILENT, costs);
    }
}
