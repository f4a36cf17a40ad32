package io.puffindb.executors;

/** How far a running query has come: LAMBDA tasks done of all, rows delivered so far, time since it started. */
public record QueryProgress(String queryId, String sql, int tasksDone, int tasksTotal, long rows, long elapsedMillis) {
}
