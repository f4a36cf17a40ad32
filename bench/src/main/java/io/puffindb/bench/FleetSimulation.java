package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code puffindb simulate}: TPC-H Q1, Q6, Q3 and Q9 over a synthetic lake of the given size, predicted
 * for each fleet size by {@link FleetSimulator}: latency, dollars, bytes from S3, bytes through the
 * Registry and through the object store. Prints; asserts nothing.
 */
final class FleetSimulation {
    static final List<String> QUERIES = List.of("q01", "q06", "q03", "q09");

    private final String data;
    private final List<Integer> workerCounts;
    private final boolean warm;
    private final Path queries;
    private final PrintStream out;

    FleetSimulation(String data, List<Integer> workerCounts, boolean warm, Path queries, PrintStream out) {
        this.data = requireNonNull(data, "data is null");
        this.workerCounts = List.copyOf(workerCounts);
        this.warm = warm;
        this.queries = requireNonNull(queries, "queries is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** {@code --data 1TB --workers 1,10,100,1000 --cache warm|cold --queries DIR}. */
    static FleetSimulation of(Map<String, String> options, PrintStream out) {
        String cache = options.getOrDefault("cache", "cold");
        if (!cache.equals("warm") && !cache.equals("cold")) {
            throw new IllegalArgumentException("--cache must be warm or cold, got '" + cache + "'");
        }
        List<Integer> workers = Arrays.stream(options.getOrDefault("workers", "1,10,100,1000").split(",")).map(String::trim).map(Integer::parseInt).toList();
        if (workers.stream().anyMatch(count -> count < 1)) {
            throw new IllegalArgumentException("--workers must list positive counts, got " + workers);
        }
        return new FleetSimulation(options.getOrDefault("data", "1TB"), workers, cache.equals("warm"),
                Path.of(options.getOrDefault("queries", "test-queries/cases/tpch")), out);
    }

    void run() throws Exception {
        SyntheticTpchLake lake = new SyntheticTpchLake(SyntheticTpchLake.scaleFactorOf(data));
        FleetSimulator simulator = new FleetSimulator(lake, SyntheticTpchLake.SCHEMA, FleetModel.measuredAndPublished());
        out.printf("TPC-H SF %s (%s), %s caches and instances; lineitem %d files, %.1f GB%n", lake.scaleFactor(), data, warm ? "warm" : "cold",
                lake.table(SyntheticTpchLake.SCHEMA, "lineitem").orElseThrow().splits().size(),
                lake.table(SyntheticTpchLake.SCHEMA, "lineitem").orElseThrow().sizeBytes() / 1e9);
        out.printf("%-5s %8s %12s %10s %12s %12s %14s %11s %12s%n", "query", "workers", "latency s", "cost $", "S3 GB", "Registry MB",
                "obj. store GB", "invocations", "model s");
        for (BenchQueries.Query query : BenchQueries.in(queries)) {
            if (!QUERIES.contains(query.name())) {
                continue;
            }
            for (int workers : workerCounts) {
                FleetSimulator.Prediction p = simulator.predict(query.sql(), workers, warm);
                out.printf("%-5s %8d %12.2f %10.4f %12.2f %12.2f %14.2f %11d %12.2f%n", query.name(), workers, p.latencySeconds(), p.dollars(),
                        p.s3Bytes() / 1e9, p.registryBytes() / 1e6, p.objectStoreBytes() / 1e9, p.invocations(), p.modelSeconds());
            }
        }
    }
}
