package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case under {@code test-queries/cases}, run through the service (2 in-process workers) and
 * checked against its expected result file, and DuckDB alone against the same file.
 */
class RegressionSuiteTest {
    private static final Path CASES = Path.of("cases");

    @TempDir
    static Path lake;
    static EmbeddedService service;
    static PuffinClient client;
    static Oracle oracle;
    static BufferAllocator allocator;
    static CaseChecker checker;

    @BeforeAll
    static void start() throws Exception {
        RegressMain.ensureDatasets(lake);
        PuffinConfig config = PuffinConfig.embedded(lake, 0, 2);
        service = EmbeddedService.start(config, GenerationProgress.SILENT);
        client = new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
        oracle = new Oracle(lake, "tpch");
        allocator = new RootAllocator();
        checker = new CaseChecker(client, oracle, allocator);
    }

    @AfterAll
    static void stop() throws Exception {
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle; EmbeddedService puffin = service) {
            // closed in reverse order; the allocator's close fails the suite on any leaked buffer
        }
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return CaseLoader.loadAll(CASES).stream().map(queryCase -> DynamicTest.dynamicTest(queryCase.name(), queryCase.file().toUri(),
                () -> check(queryCase)));
    }

    private static void check(QueryCase queryCase) throws Exception {
        Assumptions.assumeTrue(queryCase.knownFailure().isEmpty(), () -> "known failure: " + queryCase.knownFailure().orElseThrow());
        checker.failure(queryCase).ifPresent(failure -> fail(queryCase.name() + ": " + failure));
    }
}
