package io.puffindb.executors.flight;

import io.puffindb.lake.cache.CacheUsage;

/**
 * What one task did: where it ran, how much it read and produced, how long it took, on which
 * attempt, and where the lake files it read came from (the worker's SSD cache or fetched from the
 * lake now; null when the worker could not say; all zero when the files were read in place).
 */
public record TaskStats(String taskId, String worker, int splits, long bytesIn, long rowsOut, long bytesOut, long millis, int attempts,
        CacheUsage cache) {
}
