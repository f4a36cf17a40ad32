package io.puffindb.testqueries;

import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CostParameters;
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
        return over(lake, EmbeddedService.start(config, GenerationProgress.SILENT), defaultSchema);
    }

    private static CheckedService over(Path lake, EmbeddedService service, String defaultSchema) throws SQLException {
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
        return over(lake, EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT,
                CheckedService::fleetOverFastLink), "tpch");
    }

    /**
     * Fleet costs with a 1 GB/s link into the MONOSTORE: at the tests' SF 0.01 the tables are so small that over
     * the fleet's default link (what one consumer ingests over Flight, 100 MB/s) most scans stay on the
     * MONOSTORE, and the tests of the distributed path would not exercise it.
     */
    static CostParameters fleetOverFastLink(int workers) {
        return CostParameters.defaults(workers).withLink(Tier.LAMBDA, Tier.MONOSTORE, 1e9);
    }

    @Override
    public void close() throws Exception {
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle; EmbeddedService puffin = service) {
            // closed in reverse order
        }
    }
}
