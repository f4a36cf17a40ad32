package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A query from before it starts until it ends: what watchers see (progress, plan with actuals) and
 * the way to cancel it. It exists before DuckDB starts, since the MONOSTORE statement may compute
 * for a long time before the first row (an aggregate over slow LAMBDA tasks), and the query must be
 * visible and cancellable during that time.
 */
public final class QueryHandle {
    private final PreparedQuery query;
    private final Cancellation cancellation = new Cancellation();
    private final QueryStats stats = new QueryStats();
    private final int tasksTotal;
    private final long startNanos = System.nanoTime();
    private final AtomicLong rowsDelivered = new AtomicLong();

    QueryHandle(PreparedQuery query) {
        this.query = requireNonNull(query, "query is null");
        this.tasksTotal = query.rootFragment().lambdaTasks(query.metadata().parameters().splitsPerTask(), query.workers().size());
    }

    public PreparedQuery query() {
        return query;
    }

    /** Tasks done of all, rows delivered so far. */
    public QueryProgress progress(String queryId) {
        return new QueryProgress(queryId, query.sql(), stats.tasksDone(), tasksTotal, rowsDelivered.get(), elapsedMillis());
    }

    /** The placed plan with what its tasks did so far, the rows delivered and the time since the start. */
    public Explanation explanation() {
        return PlanDescriber.explain(query, Optional.of(stats), rowsDelivered.get(), elapsedMillis());
    }

    /** Cancels the query on the MONOSTORE and, through its closed streams, on every worker. */
    public void cancel() {
        cancellation.cancel();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    QueryStats stats() {
        return stats;
    }

    long rowsDelivered() {
        return rowsDelivered.get();
    }

    void delivered(long rows) {
        rowsDelivered.addAndGet(rows);
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
