package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.Explanation;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.web.ConfigLoader;
import io.puffindb.web.PuffinConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * EXPLAIN ANALYZE of TPC-H queries on the bench's fleet of worker processes (fleet costs): per
 * fragment its tier, tasks, summed task time, rows and bytes out, and its SQL, so a slow query's
 * cost can be traced to the fragment and exchange that spend it. Asserts nothing.
 */
final class FleetExplain {
    private final double scaleFactor;
    private final int workers;
    private final Path lake;
    private final Path queries;
    private final PrintStream out;

    FleetExplain(double scaleFactor, int workers, Path lake, Path queries, PrintStream out) {
        this.scaleFactor = scaleFactor;
        this.workers = workers;
        this.lake = requireNonNull(lake, "lake is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run() throws Exception {
        BenchQueries.tpchLake(lake, scaleFactor, out);
        PuffinConfig defaults = ConfigLoader.load(Map.of("lake", lake.toString(), "port", "0", "flight.sql.port", "0", "workers", String.valueOf(workers)),
                System.getenv());
        try (WorkerFleet fleet = new WorkerFleet(defaults, lake, workers, Files.createTempDirectory("puffindb-bench-secret"))) {
            for (BenchQueries.Query query : BenchQueries.in(queries)) {
                // The first run warms the workers' caches and the planner, as the bench's warm-up does.
                BenchQueries.run(fleet.executor(), query.sql());
                Explanation explanation = fleet.executor().explainAnalyze(query.sql());
                out.printf("== %s: %d rows in %d ms%n%s%n", query.name(), explanation.actualRows(), explanation.elapsedMillis(), explanation.text());
                explanation.fragments().forEach(this::print);
            }
        }
    }

    private void print(FragmentDescription fragment) {
        List<TaskStats> tasks = fragment.actualTasks();
        out.printf("-- fragment %d on %s, %d tasks: task ms %s, rows out %d, MB out %.1f, inputs %s%n%s%n", fragment.id(), fragment.tier(),
                fragment.tasks(), tasks.stream().map(task -> String.valueOf(task.millis())).toList(),
                tasks.stream().mapToLong(TaskStats::rowsOut).sum(), tasks.stream().mapToLong(TaskStats::bytesOut).sum() / 1e6, fragment.inputs(),
                fragment.duckDbSql());
    }
}
