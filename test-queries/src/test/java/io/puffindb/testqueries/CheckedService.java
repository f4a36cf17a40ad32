package io.puffindb.testqueries;

import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * An embedded service under test, DuckDB alone over the same lake folder (the oracle), and the checker
 * that compares a case's answers from the two; closed in reverse order.
 */
record CheckedService(EmbeddedService service, BufferAllocator allocator, Oracle oracle, CaseChecker checker) implements AutoCloseable {
    /** Starts {@code config}'s service on {@code lake}; the oracle resolves unqualified names in {@code defaultSchema}. */
    static CheckedService start(Path lake, PuffinConfig config, String defaultSchema) throws SQLException {
        EmbeddedService service = EmbeddedService.start(config, GenerationProgress.SILENT);
        BufferAllocator allocator = new RootAllocator();
        Oracle oracle = new Oracle(lake, defaultSchema);
        CaseChecker checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + service.port())), oracle, allocator);
        return new CheckedService(service, allocator, oracle, checker);
    }

    /**
     * The distributed path over TPC-H: 2 in-process workers planned with fleet costs, and no RAM layer,
     * whose hot tables would draw scans onto the MONOSTORE and hide the planner's own placement.
     */
    static CheckedService fleetOverTpch(Path lake) throws SQLException {
        return start(lake, PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE).withCostShape(DeploymentCosts.Shape.FLEET), "tpch");
    }

    @Override
    public void close() throws Exception {
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle; EmbeddedService puffin = service) {
            // closed in reverse order
        }
    }
}
