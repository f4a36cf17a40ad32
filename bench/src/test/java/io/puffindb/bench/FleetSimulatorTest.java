package io.puffindb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator plans TPC-H over the synthetic catalog with the real planner and predicts a fleet's figures. */
class FleetSimulatorTest {
    private static final Path CASES = Path.of("..", "test-queries", "cases", "tpch");
    private static Map<String, String> queries;

    @BeforeAll
    static void readQueries() throws Exception {
        queries = BenchQueries.in(CASES).stream().collect(Collectors.toMap(BenchQueries.Query::name, BenchQueries.Query::sql));
    }

    @Test
    void moreWorkersMakeQ1FasterAtACost() {
        FleetSimulator simulator = new FleetSimulator(new SyntheticTpchLake(1000), SyntheticTpchLake.SCHEMA, FleetModel.measuredAndPublished());
        FleetSimulator.Prediction one = simulator.predict(queries.get("q01"), 1, false);
        FleetSimulator.Prediction ten = simulator.predict(queries.get("q01"), 10, false);
        assertTrue(ten.latencySeconds() < one.latencySeconds(), "10 workers: " + ten + ", 1 worker: " + one);
        assertTrue(one.dollars() > 0 && ten.dollars() > 0, one + " / " + ten);
        // Cold caches: Q1 reads lineitem from S3, about 206 GB at SF 1000, whatever the fleet size.
        double lineitemBytes = new SyntheticTpchLake(1000).table(SyntheticTpchLake.SCHEMA, "lineitem").orElseThrow().sizeBytes();
        assertEquals(lineitemBytes, ten.s3Bytes(), lineitemBytes * 0.01);
    }

    @Test
    void warmFunctionCachesSpareTheScansS3() {
        FleetSimulator simulator = new FleetSimulator(new SyntheticTpchLake(1000), SyntheticTpchLake.SCHEMA, FleetModel.measuredAndPublished());
        for (String query : FleetSimulation.QUERIES) {
            FleetSimulator.Prediction warm = simulator.predict(queries.get(query), 100, true);
            assertTrue(warm.dollars() > 0 && warm.latencySeconds() > 0, query + ": " + warm);
        }
        // Q1 and Q6 scan lineitem alone: on the fleet, from the functions' caches.
        assertEquals(0, simulator.predict(queries.get("q01"), 100, true).s3Bytes());
        assertEquals(0, simulator.predict(queries.get("q06"), 100, true).s3Bytes());
    }

    @Test
    void dataSizesNameScaleFactors() {
        assertEquals(1000, SyntheticTpchLake.scaleFactorOf("1TB"));
        assertEquals(100, SyntheticTpchLake.scaleFactorOf("100gb"));
        assertEquals(0.01, SyntheticTpchLake.scaleFactorOf("10MB"), 1e-12);
    }
}
