package io.puffindb.executors.flight;

import io.puffindb.lake.cache.CacheUsage;

/**
 * What one task did: where it ran, how much it read and produced, how long it took, on which
 * attempt, and where the lake files it read came from (the worker's SSD cache or fetched from the
 * lake now; null when the worker could not say; all zero when the files were read in place), and how
 * its output travelled ({@link #STREAM}, or handed over through the {@link #REGISTRY} or a {@link #SPILL}).
 */
public record TaskStats(String taskId, String worker, int splits, long bytesIn, long rowsOut, long bytesOut, long millis, int attempts,
        CacheUsage cache, String delivery) {
    public static final String STREAM = "STREAM";
    public static final String REGISTRY = "REGISTRY";
    public static final String SPILL = "SPILL";
}
