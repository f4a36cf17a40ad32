package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A query from before it is planned until it ends: what watchers see (progress, plan with actuals)
 * and the way to cancel it. It exists before planning starts, since planning a huge query and the
 * MONOSTORE statement (an aggregate over slow LAMBDA tasks) may both take long before the first row,
 * and the query must be visible, cancellable and under its deadline all that time.
 */
public final class QueryHandle {
    private final String sql;
    private final Optional<String> schema;
    private final Cancellation cancellation;
    private final QueryDeadline deadline;
    private final QueryStats stats = new QueryStats();
    private final long startNanos = System.nanoTime();
    private final AtomicLong rowsDelivered = new AtomicLong();
    private volatile PreparedQuery query;
    private volatile int tasksTotal;

    QueryHandle(String sql, Optional<String> schema, Cancellation cancellation, QueryDeadline deadline) {
        this.sql = requireNonNull(sql, "sql is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.cancellation = requireNonNull(cancellation, "cancellation is null");
        this.deadline = requireNonNull(deadline, "deadline is null");
    }

    public String sql() {
        return sql;
    }

    /** The schema the statement's unqualified table names resolve in, when not the default one. */
    public Optional<String> schema() {
        return schema;
    }

    /** The planned query; it is an error to ask before planning finished. */
    public PreparedQuery query() {
        PreparedQuery planned = query;
        if (planned == null) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "The query is not planned yet");
        }
        return planned;
    }

    void planned(PreparedQuery prepared) {
        this.tasksTotal = prepared.rootFragment().lambdaTasks(prepared.metadata().parameters()::splitsPerTask, prepared.workers().size());
        this.query = prepared;
    }

    /** Tasks done of all (none while planning), rows delivered so far. */
    public QueryProgress progress(String queryId) {
        return new QueryProgress(queryId, sql, stats.tasksDone(), tasksTotal, rowsDelivered.get(), elapsedMillis());
    }

    /** The placed plan with what its tasks did so far, the rows delivered and the time since the start; none while planning. */
    public Optional<Explanation> explanation() {
        PreparedQuery planned = query;
        return planned == null ? Optional.empty() : Optional.of(PlanDescriber.explain(planned, Optional.of(stats), rowsDelivered.get(), elapsedMillis()));
    }

    /** Cancels the query: its planning, or its statement on the MONOSTORE and, through its closed streams, its tasks on every worker. */
    public void cancel() {
        cancellation.cancel();
    }

    /** Whether the query was cancelled (by its caller, a watcher or its deadline). */
    public boolean cancelled() {
        return cancellation.isCancelled();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    QueryDeadline deadline() {
        return deadline;
    }

    /** Why a query that failed stopped, when it was stopped: its deadline (504) or a cancel (499); else {@code failure} itself. */
    RuntimeException stoppedOr(RuntimeException failure) {
        if (failure instanceof PuffinException timedOut && timedOut.code() == ErrorCode.DEADLINE_EXCEEDED) {
            return failure; // a call with the same deadline ran out first, and says which
        }
        if (deadline.expired()) {
            // Stopped while planning, the failure says what planning was waiting on (a THROUGH endpoint, say).
            return failure instanceof PuffinException stopped && stopped.code() == ErrorCode.CANCELLED
                    ? deadline.exceeded(stopped.getMessage().replace("Query was cancelled", "Query was stopped"), failure)
                    : deadline.exceeded(failure);
        }
        if (cancellation.isCancelled()) {
            return new PuffinException(ErrorCode.CANCELLED, "Query was cancelled", failure);
        }
        return failure;
    }

    /** What the query's fragments and tasks did so far. */
    public QueryStats stats() {
        return stats;
    }

    /** The planned query, none while planning (or when planning failed). */
    public Optional<PreparedQuery> planned() {
        return Optional.ofNullable(query);
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
