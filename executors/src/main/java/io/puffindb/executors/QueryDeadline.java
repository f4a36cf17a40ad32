package io.puffindb.executors;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels a query when its time is up, from its start (planning included), and tells afterwards
 * whether that is why it stopped. The timer thread only hands the cancel to {@code cancels}: a cancel
 * that blocks (DuckDB's can) must not hold up every other query's deadline.
 */
final class QueryDeadline {
    private final Duration timeout;
    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> timer;

    QueryDeadline(ScheduledExecutorService timers, Executor cancels, Duration timeout, Cancellation cancellation) {
        this.timeout = timeout;
        this.timer = timers.schedule(() -> {
            expired.set(true);
            cancels.execute(cancellation::cancel);
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean expired() {
        return expired.get();
    }

    PuffinException exceeded(Throwable cause) {
        return new PuffinException(ErrorCode.DEADLINE_EXCEEDED, format("Query exceeded its deadline of %s", timeout), cause);
    }

    /** {@code stopped}: what the query was doing when its time was up. */
    PuffinException exceeded(String stopped, Throwable cause) {
        return new PuffinException(ErrorCode.DEADLINE_EXCEEDED, format("Query exceeded its deadline of %s. %s", timeout, stopped), cause);
    }

    void disarm() {
        timer.cancel(false);
    }
}
