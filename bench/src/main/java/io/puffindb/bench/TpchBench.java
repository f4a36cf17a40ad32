package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.PreparedQuery;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.RunningQuery;
import io.puffindb.lake.demo.TpchLakeGenerator;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * TPC-H, each query timed on DuckDB alone and on PuffinDB embedded (MONOSTORE plus in-process
 * workers) over the same Parquet files in the same run; prints both, their ratio, PuffinDB's planning
 * time and the geometric mean of the ratios. Times are medians of several runs after a warm-up.
 */
final class TpchBench {
    private final double scaleFactor;
    private final int workers;
    private final int runs;
    private final Path lake;
    private final Path queries;
    private final PrintStream out;

    TpchBench(double scaleFactor, int workers, int runs, Path lake, Path queries, PrintStream out) {
        this.scaleFactor = scaleFactor;
        this.workers = workers;
        this.runs = runs;
        this.lake = requireNonNull(lake, "lake is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run() throws Exception {
        Path schema = lake.resolve("tpch");
        if (!Files.isDirectory(schema)) {
            out.printf("Generating TPC-H SF %s into %s%n", scaleFactor, schema);
            new TpchLakeGenerator(scaleFactor).generate(schema, new ConsoleProgress(out));
        }
        List<Path> files = queryFiles();
        out.printf("TPC-H SF %s, %d queries, median of %d runs after a warm-up; PuffinDB embedded with %d in-process workers%n%n",
                scaleFactor, files.size(), runs, workers);
        out.printf("%-6s %12s %12s %8s %9s %10s%n", "query", "duckdb ms", "puffindb ms", "ratio", "plan ms", "rows");
        double logSum = 0;
        int measured = 0;
        try (DuckDbAlone duckdb = new DuckDbAlone(schema);
                EmbeddedService puffin = EmbeddedService.start(PuffinConfig.embedded(lake, 0, workers), (table, done, expected) -> { })) {
            for (Path file : files) {
                String name = file.getFileName().toString().replace(".sql", "");
                String sql = sqlOf(file);
                long rows = duckdb.run(sql);
                double alone = medianMillis(() -> duckdb.run(sql));
                runPuffin(puffin.executor(), sql);
                long[] planMillis = new long[1];
                double distributed = medianMillis(() -> {
                    PreparedQuery prepared = puffin.executor().prepare(sql);
                    planMillis[0] = prepared.planMillis();
                    return drain(puffin.executor(), prepared);
                });
                double ratio = distributed / Math.max(alone, 0.001);
                logSum += Math.log(ratio);
                measured++;
                out.printf("%-6s %12.1f %12.1f %8.2f %9d %10d%n", name, alone, distributed, ratio, planMillis[0], rows);
            }
        }
        out.printf("%ngeometric mean of puffindb/duckdb: %.2f%n", Math.exp(logSum / measured));
    }

    private static long runPuffin(QueryExecutor executor, String sql) throws Exception {
        return drain(executor, executor.prepare(sql));
    }

    private static long drain(QueryExecutor executor, PreparedQuery prepared) throws Exception {
        long rows = 0;
        try (RunningQuery running = executor.run(prepared)) {
            while (running.nextBatch()) {
                rows += running.batch().getRowCount();
            }
        }
        return rows;
    }

    private double medianMillis(Measured body) throws Exception {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            body.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    private List<Path> queryFiles() throws IOException {
        try (Stream<Path> files = Files.list(queries)) {
            return new ArrayList<>(files.filter(file -> file.toString().endsWith(".sql")).sorted().toList());
        }
    }

    // Case files start with "-- key: value" header lines; the rest is the query.
    private static String sqlOf(Path file) throws IOException {
        return Files.readAllLines(file).stream().dropWhile(line -> line.startsWith("--")).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @FunctionalInterface
    private interface Measured {
        long run() throws Exception;
    }
}
