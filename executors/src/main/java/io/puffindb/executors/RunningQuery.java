package io.puffindb.executors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A query whose result is being read, batch by batch. It is cancelled when its deadline passes, and
 * any failure while reading comes out as a {@link PuffinException}.
 */
public final class RunningQuery implements AutoCloseable {
    private final PreparedQuery query;
    private final ArrowResult result;
    private final Duration timeout;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private ScheduledFuture<?> deadline;

    RunningQuery(PreparedQuery query, ArrowResult result, Duration timeout) {
        this.query = requireNonNull(query, "query is null");
        this.result = requireNonNull(result, "result is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    void deadline(ScheduledFuture<?> deadline) {
        this.deadline = deadline;
    }

    void expire() {
        timedOut.set(true);
        result.cancel();
    }

    public PreparedQuery query() {
        return query;
    }

    /** The batch the last {@link #nextBatch()} loaded (one root, reused for every batch). */
    public VectorSchemaRoot batch() {
        try {
            return result.reader().getVectorSchemaRoot();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Loads the next batch into {@link #batch()}; false at the end. */
    public boolean nextBatch() {
        try {
            return result.reader().loadNextBatch();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    public void cancel() {
        result.cancel();
    }

    private PuffinException failure(Exception e) {
        if (timedOut.get()) {
            return new PuffinException(ErrorCode.DEADLINE_EXCEEDED, format("Query exceeded its deadline of %s", timeout), e);
        }
        if (e instanceof PuffinException puffin) {
            return puffin;
        }
        return DuckDbErrors.fromDuckDb(new SQLException(e.getMessage(), e), "Query");
    }

    @Override
    public void close() throws Exception {
        if (deadline != null) {
            deadline.cancel(false);
        }
        result.close();
    }
}
