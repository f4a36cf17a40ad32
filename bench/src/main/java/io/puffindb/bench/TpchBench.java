package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.ConfigLoader;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TPC-H over the same Parquet files, query by query interleaved, on three engines in one run: DuckDB
 * alone (all threads), PuffinDB's embedded default ({@code puffindb serve}: the MONOSTORE and its
 * in-process workers, the costs of the deployment found running) and PuffinDB fanned out over worker
 * processes with fleet costs (the distributed machinery's own overhead). Prints each time (median of N
 * rounds after a warm-up), the ratios to DuckDB alone, planning times and bytes across exchanges, and
 * the geometric means; {@code --json FILE} writes the same. Asserts nothing.
 */
final class TpchBench {
    private final double scaleFactor;
    private final int workers;
    private final int runs;
    private final Path lake;
    private final Path queries;
    private final Optional<Path> json;
    private final PrintStream out;

    TpchBench(double scaleFactor, int workers, int runs, Path lake, Path queries, Optional<Path> json, PrintStream out) {
        this.scaleFactor = scaleFactor;
        this.workers = workers;
        this.runs = runs;
        this.lake = requireNonNull(lake, "lake is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.json = requireNonNull(json, "json is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** One query's figures: milliseconds, ratios to DuckDB alone, planning, bytes across exchanges. */
    record Result(String query, long rows, double duckdbMs, double embeddedMs, double embeddedRatio, double embeddedPlanMs, long embeddedBytes,
            double fleetMs, double fleetRatio, double fleetPlanMs, long fleetBytes) {
    }

    /** The run: its setting and every query's figures, with the geometric means of the ratios. */
    record Report(double scaleFactor, int runs, int workers, int cores, List<Result> queries, double embeddedGeomean, double fleetGeomean) {
    }

    void run() throws Exception {
        Path schema = BenchQueries.tpchLake(lake, scaleFactor, out);
        List<BenchQueries.Query> cases = BenchQueries.in(this.queries);
        // The embedded default exactly as `puffindb serve` reads it (environment and puffindb.properties included), on any free ports
        // (two services run at once: the embedded one and the fleet's).
        PuffinConfig defaults = ConfigLoader.load(Map.of("lake", lake.toString(), "port", "0", "flight.sql.port", "0", "workers", String.valueOf(workers)),
                System.getenv());
        out.printf("TPC-H SF %s, %d queries, median of %d rounds after a warm-up, %d cores; embedded: %d in-process workers; "
                + "fleet: %d worker processes, fleet costs%n%n", scaleFactor, cases.size(), runs, Runtime.getRuntime().availableProcessors(), workers, workers);
        out.printf("%-6s %10s | %10s %6s %7s %8s | %10s %6s %7s %8s | %9s%n", "query", "duckdb ms", "embedded", "ratio", "plan ms", "exch MB",
                "fleet ms", "ratio", "plan ms", "exch MB", "rows");
        List<Result> results = new ArrayList<>();
        Path secrets = Files.createTempDirectory("puffindb-bench-secret");
        try (DuckDbAlone duckdb = new DuckDbAlone(schema);
                EmbeddedService embedded = EmbeddedService.start(defaults, GenerationProgress.SILENT);
                WorkerFleet fleet = new WorkerFleet(defaults, lake, workers, secrets)) {
            for (BenchQueries.Query query : cases) {
                Result result = measure(query, duckdb, new PuffinRuns(embedded.executor()), new PuffinRuns(fleet.executor()));
                results.add(result);
                out.printf("%-6s %10.1f | %10.1f %6.2f %7.0f %8.2f | %10.1f %6.2f %7.0f %8.2f | %9d%n", result.query(), result.duckdbMs(),
                        result.embeddedMs(), result.embeddedRatio(), result.embeddedPlanMs(), result.embeddedBytes() / 1e6,
                        result.fleetMs(), result.fleetRatio(), result.fleetPlanMs(), result.fleetBytes() / 1e6, result.rows());
            }
        }
        Report report = new Report(scaleFactor, runs, workers, Runtime.getRuntime().availableProcessors(), results,
                geomean(results.stream().map(Result::embeddedRatio).toList()), geomean(results.stream().map(Result::fleetRatio).toList()));
        out.printf("%ngeometric mean vs DuckDB alone: embedded %.2f, fleet %.2f; planning median %.0f ms (embedded), %.0f ms (fleet)%n",
                report.embeddedGeomean(), report.fleetGeomean(),
                Timing.median(results.stream().map(Result::embeddedPlanMs).toList()), Timing.median(results.stream().map(Result::fleetPlanMs).toList()));
        if (json.isPresent()) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.get().toFile(), report);
            out.printf("written to %s%n", json.get());
        }
    }

    // Warm-up on each engine, then rounds of DuckDB, embedded, fleet, so that whatever else the machine does weighs on all three alike.
    private Result measure(BenchQueries.Query query, DuckDbAlone duckdb, PuffinRuns embedded, PuffinRuns fleet) throws Exception {
        String sql = query.sql();
        long rows = duckdb.run(sql);
        embedded.run(sql, false);
        fleet.run(sql, false);
        List<Double> alone = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            alone.add(Timing.millis(() -> duckdb.run(sql)));
            embedded.run(sql, true);
            fleet.run(sql, true);
        }
        double duckdbMs = Math.max(Timing.median(alone), 0.001);
        return new Result(query.name(), rows, duckdbMs, embedded.medianMillis(), embedded.medianMillis() / duckdbMs, embedded.medianPlanMillis(),
                embedded.bytesExchanged(), fleet.medianMillis(), fleet.medianMillis() / duckdbMs, fleet.medianPlanMillis(), fleet.bytesExchanged());
    }

    private static double geomean(List<Double> ratios) {
        GeometricMean mean = new GeometricMean();
        ratios.forEach(mean::add);
        return mean.value();
    }
}
