package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every case under {@code test-queries/cases}, run through the service and checked against DuckDB alone. */
class RegressionSuiteTest {
    private static final Path CASES = Path.of("cases");

    @TempDir
    static Path lake;
    static EmbeddedService service;
    static PuffinClient client;
    static Oracle oracle;
    static BufferAllocator allocator;

    @BeforeAll
    static void start() throws Exception {
        PuffinConfig config = PuffinConfig.embedded(lake, 0, 2);
        service = EmbeddedService.start(config, GenerationProgress.SILENT);
        client = new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
        oracle = new Oracle(lake, "tpch");
        allocator = new RootAllocator();
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
        PuffinClient.Answer answer = client.query(queryCase.sql(), allocator);
        if (queryCase.expectedError().isPresent()) {
            QueryCase.ExpectedError expected = queryCase.expectedError().get();
            assertNull(answer.result(), "expected error " + expected.code());
            assertEquals(expected.code(), answer.error().code(), answer.error().message());
            if (expected.line() > 0) {
                assertEquals(expected.line() + ":" + expected.column(), answer.error().line() + ":" + answer.error().column(), answer.error().message());
            }
            return;
        }
        if (answer.error() != null) {
            fail(answer.error().code() + ": " + answer.error().message());
        }
        ResultTable expected = oracle.run(queryCase.sql(), allocator);
        assertNotNull(answer.result());
        ResultComparator.differences(expected, answer.result(), OrderDetector.ordersResult(queryCase.sql()))
                .ifPresent(diff -> fail(queryCase.name() + ": " + diff));
    }
}
