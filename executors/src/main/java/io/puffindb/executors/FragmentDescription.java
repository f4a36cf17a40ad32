package io.puffindb.executors;

import io.puffindb.executors.flight.TaskStats;
import java.util.List;

/**
 * A fragment as EXPLAIN shows it: its tier, its DuckDB SQL (for LAMBDA, the first task's), how many
 * tasks it fans out to, and — after EXPLAIN ANALYZE — what each task did.
 */
public record FragmentDescription(int id, String tier, String duckDbSql, int tasks, List<String> inputs, List<TaskStats> actualTasks) {
    public FragmentDescription {
        inputs = List.copyOf(inputs);
        actualTasks = List.copyOf(actualTasks);
    }
}
