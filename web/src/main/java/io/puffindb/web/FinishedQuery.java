package io.puffindb.web;

import static java.util.Objects.requireNonNull;

/**
 * A query that ended, as the history lists it and its log line tells it: {@code state} FINISHED (read to
 * its end) or FAILED (with its error: cancelled and timed-out queries too); {@code start} an ISO-8601
 * instant; {@code bytesRead} the lake bytes its scans read that the engines could count (see {@link QueryFigures}).
 */
record FinishedQuery(String queryId, String state, String sql, String user, String start, long durationMillis, long rows, long bytesRead,
        long bytesExchanged, Long planMillis, Error error) {
    static final String FINISHED = "FINISHED";
    static final String FAILED = "FAILED";

    /** Why a query failed: its error code and message, as its caller was told. */
    record Error(String code, String message) {
    }

    FinishedQuery {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(state, "state is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(user, "user is null");
        requireNonNull(start, "start is null");
    }

    boolean failed() {
        return error != null;
    }
}
