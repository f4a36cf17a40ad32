package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.ConfigLoader;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Planning alone, without running: each TPC-H query planned {@code rounds} times by the embedded
 * default after a warm-up round, its median and maximum planning time printed. A profiler (JFR)
 * attached to this loop sees only the planner. Asserts nothing.
 */
final class PlanningBench {
    private final double scaleFactor;
    private final int workers;
    private final int rounds;
    private final Path lake;
    private final Path queries;
    private final PrintStream out;

    PlanningBench(double scaleFactor, int workers, int rounds, Path lake, Path queries, PrintStream out) {
        this.scaleFactor = scaleFactor;
        this.workers = workers;
        this.rounds = rounds;
        this.lake = requireNonNull(lake, "lake is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run() throws Exception {
        BenchQueries.tpchLake(lake, scaleFactor, out);
        List<BenchQueries.Query> cases = BenchQueries.in(queries);
        PuffinConfig config = ConfigLoader.load(Map.of("lake", lake.toString(), "port", "0", "flight.sql.port", "0", "workers", String.valueOf(workers)),
                System.getenv());
        try (EmbeddedService service = EmbeddedService.start(config, GenerationProgress.SILENT)) {
            for (BenchQueries.Query query : cases) {
                service.executor().prepare(query.sql());
            }
            List<Double> medians = new ArrayList<>();
            for (BenchQueries.Query query : cases) {
                List<Double> millis = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    millis.add((double) service.executor().prepare(query.sql()).planMillis());
                }
                medians.add(Timing.median(millis));
                out.printf("%-6s median %5.0f ms, max %5.0f ms%n", query.name(), Timing.median(millis), millis.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
            out.printf("planning: median of the queries' medians %.0f ms, largest median %.0f ms%n", Timing.median(medians),
                    medians.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }
}
