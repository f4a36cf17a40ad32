package io.puffindb.executors.flight;

import io.puffindb.lake.cache.CacheUsage;

/**
 * What one task did: where it ran, how much it read and produced, how long it took, on which
 * attempt, and where the lake files it read came from (the worker's SSD cache or fetched from the
 * lake now; null when the worker could not say; all zero when the files were read in place), and how
 * its output travelled ({@link #STREAM}, or handed over through the {@link #REGISTRY} or a {@link #SPILL}, or kept for a {@link #SHUFFLE}),
 * or that it gave none ({@link #FAILED}: on its last attempt, on the last worker tried).
 */
public record TaskStats(String taskId, String worker, int splits, long bytesIn, long rowsOut, long bytesOut, long millis, int attempts,
        CacheUsage cache, String delivery) {
    public static final String STREAM = "STREAM";
    public static final String REGISTRY = "REGISTRY";
    public static final String SPILL = "SPILL";
    public static final String FAILED = "FAILED";
    /** Kept on its worker, dealt by key, for the consumers of a shuffle to fetch their parts. */
    public static final String SHUFFLE = "SHUFFLE";

    /** A task that failed on its {@code attempts}-th try, the last on {@code worker}: no rows, no cache usage known. */
    static TaskStats failed(TaskStream task, String worker, long millis, int attempts) {
        return new TaskStats(task.spec().taskId(), worker, task.splits(), task.bytesIn(), 0, 0, millis, attempts, null, FAILED);
    }

    public boolean failed() {
        return FAILED.equals(delivery);
    }
}
