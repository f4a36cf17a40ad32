package io.puffindb.executors.flight;

/** What one task did: where it ran, how much it read and produced, how long it took, and on which attempt. */
public record TaskStats(String taskId, String worker, int splits, long bytesIn, long rowsOut, long bytesOut, long millis, int attempts) {
}
