package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.ActiveQueries;
import io.puffindb.executors.PreparedQuery;
import io.puffindb.executors.QueryHandle;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every query of every endpoint from its start to its end: listed among the running ones with its owner
 * while it runs, and once it ends, added to the history, counted in the metrics and logged.
 */
final class QueryTracker {
    private record Started(Caller caller, QueryHandle handle, Instant start, long startNanos) {
    }

    private final ActiveQueries active;
    private final QueryOwners owners;
    private final QueryHistory history;
    private final QueryMetrics metrics;
    private final QueryLogLine log;
    private final Map<String, Started> started = new ConcurrentHashMap<>();

    QueryTracker(ActiveQueries active, QueryOwners owners, QueryHistory history, QueryMetrics metrics, QueryLogLine log) {
        this.active = requireNonNull(active, "active is null");
        this.owners = requireNonNull(owners, "owners is null");
        this.history = requireNonNull(history, "history is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.log = requireNonNull(log, "log is null");
    }

    ActiveQueries active() {
        return active;
    }

    QueryOwners owners() {
        return owners;
    }

    QueryHistory history() {
        return history;
    }

    QueryMetrics metrics() {
        return metrics;
    }

    /** The query started; refused (and not tracked) when a query with its id is running. */
    void started(String queryId, Caller caller, QueryHandle handle) {
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        // Its owner first: a listed query is always someone's, so its owner can cancel it from the first moment.
        owners.started(queryId, caller);
        active.add(queryId, handle);
        started.put(queryId, new Started(caller, handle, start, startNanos));
    }

    /** The query ended: read to its end, or failed with {@code failure} (cancelled and timed out too). */
    void ended(String queryId, Optional<? extends Exception> failure) {
        Started query = started.remove(queryId);
        active.remove(queryId);
        if (query == null) {
            return;
        }
        long durationMillis = (System.nanoTime() - query.startNanos()) / 1_000_000;
        QueryFigures figures = QueryFigures.of(query.handle().stats());
        FinishedQuery finished = new FinishedQuery(queryId, failure.isPresent() ? FinishedQuery.FAILED : FinishedQuery.FINISHED,
                query.handle().sql(), query.caller().name(), query.start().toString(), durationMillis, query.handle().progress(queryId).rows(),
                figures.bytesRead(), figures.flightBytes(), query.handle().planned().map(PreparedQuery::planMillis).orElse(null),
                failure.map(QueryTracker::error).orElse(null));
        history.add(finished);
        metrics.record(finished, figures);
        log.write(finished);
    }

    private static FinishedQuery.Error error(Exception failure) {
        return failure instanceof PuffinException puffin
                ? new FinishedQuery.Error(puffin.code().name(), puffin.getMessage())
                : new FinishedQuery.Error(ErrorCode.INTERNAL_ERROR.name(), failure.toString());
    }
}
