package io.puffindb.executors;

import io.puffindb.executors.flight.TaskStats;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a query's fragments and tasks actually did, for EXPLAIN ANALYZE. */
public final class QueryStats {
    private final Map<Integer, List<TaskStats>> tasksByFragment = new ConcurrentHashMap<>();

    void record(int fragmentId, TaskStats stats) {
        tasksByFragment.computeIfAbsent(fragmentId, id -> new CopyOnWriteArrayList<>()).add(stats);
    }

    public int tasksDone() {
        return tasksByFragment.values().stream().mapToInt(List::size).sum();
    }

    public List<TaskStats> tasksOf(int fragmentId) {
        return List.copyOf(tasksByFragment.getOrDefault(fragmentId, List.of()));
    }
}
