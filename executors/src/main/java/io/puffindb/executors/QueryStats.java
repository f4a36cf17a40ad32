package io.puffindb.executors;

import io.puffindb.executors.flight.TaskStats;
import io.puffindb.lake.cache.CacheUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a query's fragments and tasks actually did, for EXPLAIN ANALYZE. */
public final class QueryStats {
    private final Map<Integer, List<TaskStats>> tasksByFragment = new ConcurrentHashMap<>();
    private final Map<Integer, CacheUsage> engineReads = new ConcurrentHashMap<>();
    private final Map<Integer, String> sqlRun = new ConcurrentHashMap<>();

    void record(int fragmentId, TaskStats stats) {
        tasksByFragment.computeIfAbsent(fragmentId, id -> new CopyOnWriteArrayList<>()).add(stats);
    }

    /** Where the lake files a fragment run by the MONOSTORE itself came from (its SSD cache, or the lake). */
    void recordEngineReads(int fragmentId, CacheUsage usage) {
        if (usage.cachedFiles() + usage.fetchedFiles() > 0) {
            engineReads.merge(fragmentId, usage, CacheUsage::plus);
        }
    }

    /** The SQL the MONOSTORE ran for a fragment (it may name in-memory tables instead of files). */
    void recordSql(int fragmentId, String sql) {
        sqlRun.put(fragmentId, sql);
    }

    public Optional<String> sqlOf(int fragmentId) {
        return Optional.ofNullable(sqlRun.get(fragmentId));
    }

    public Optional<CacheUsage> engineReadsOf(int fragmentId) {
        return Optional.ofNullable(engineReads.get(fragmentId));
    }

    /** Tasks that ended with their output (a failed task is not done). */
    public int tasksDone() {
        return (int) tasksByFragment.values().stream().flatMap(List::stream).filter(task -> !task.failed()).count();
    }

    /** Bytes the query's tasks sent across exchanges (their Arrow output), all fragments together. */
    public long bytesExchanged() {
        return tasksByFragment.values().stream().flatMap(List::stream).mapToLong(TaskStats::bytesOut).sum();
    }

    /** Every task's stats, all fragments together. */
    public List<TaskStats> allTasks() {
        return tasksByFragment.values().stream().flatMap(List::stream).toList();
    }

    /** Where the lake files the MONOSTORE itself read came from, all its fragments together. */
    public CacheUsage engineReads() {
        return engineReads.values().stream().reduce(CacheUsage.NONE, CacheUsage::plus);
    }

    public List<TaskStats> tasksOf(int fragmentId) {
        return List.copyOf(tasksByFragment.getOrDefault(fragmentId, List.of()));
    }
}
