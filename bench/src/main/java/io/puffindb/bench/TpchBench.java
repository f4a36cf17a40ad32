package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.PreparedQuery;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

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
        Path schema = BenchQueries.tpchLake(lake, scaleFactor, out);
        List<BenchQueries.Query> queries = BenchQueries.in(this.queries);
        out.printf("TPC-H SF %s, %d queries, median of %d runs after a warm-up; PuffinDB embedded with %d in-process workers%n%n",
                scaleFactor, queries.size(), runs, workers);
        out.printf("%-6s %12s %12s %8s %9s %10s%n", "query", "duckdb ms", "puffindb ms", "ratio", "plan ms", "rows");
        GeometricMean ratios = new GeometricMean();
        try (DuckDbAlone duckdb = new DuckDbAlone(schema);
                EmbeddedService puffin = EmbeddedService.start(PuffinConfig.embedded(lake, 0, workers), (table, done, expected) -> { })) {
            for (BenchQueries.Query query : queries) {
                String name = query.name();
                String sql = query.sql();
                long rows = duckdb.run(sql);
                double alone = Timing.medianMillis(runs, () -> duckdb.run(sql));
                BenchQueries.run(puffin.executor(), sql);
                long[] planMillis = new long[1];
                double distributed = Timing.medianMillis(runs, () -> {
                    PreparedQuery prepared = puffin.executor().prepare(sql);
                    planMillis[0] = prepared.planMillis();
                    BenchQueries.drain(puffin.executor(), prepared);
                });
                double ratio = distributed / Math.max(alone, 0.001);
                ratios.add(ratio);
                out.printf("%-6s %12.1f %12.1f %8.2f %9d %10d%n", name, alone, distributed, ratio, planMillis[0], rows);
            }
        }
        out.printf("%ngeometric mean of puffindb/duckdb: %.2f%n", ratios.value());
    }

}
