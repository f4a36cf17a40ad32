package io.puffindb.executors;

import io.puffindb.executors.flight.TaskStats;
import io.puffindb.lake.cache.CacheUsage;
import java.util.List;

/**
 * A fragment as EXPLAIN shows it: its tier, its DuckDB SQL (for LAMBDA, the first task's), how many
 * tasks it fans out to, and — after EXPLAIN ANALYZE — what each task did and, for a fragment the
 * MONOSTORE runs itself, where its lake files came from ({@code engineReads}: null if it read none
 * or did not run).
 */
public record FragmentDescription(int id, String tier, String duckDbSql, int tasks, List<String> inputs, List<TaskStats> actualTasks,
        CacheUsage engineReads) {
    public FragmentDescription {
        inputs = List.copyOf(inputs);
        actualTasks = List.copyOf(actualTasks);
    }

    /** How many times the fragment's tasks were sent to a worker, retries and failed tasks included (after EXPLAIN ANALYZE). */
    public int taskAttempts() {
        return actualTasks.stream().mapToInt(TaskStats::attempts).sum();
    }
}
