package io.puffindb.executors;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Cancels a query when its time is up, and tells afterwards whether that is why it stopped. */
final class QueryDeadline {
    private final Duration timeout;
    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> timer;

    QueryDeadline(ScheduledExecutorService timers, Duration timeout, Cancellation cancellation) {
        this.timeout = timeout;
        this.timer = timers.schedule(() -> {
            expired.set(true);
            cancellation.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean expired() {
        return expired.get();
    }

    PuffinException exceeded(Throwable cause) {
        return new PuffinException(ErrorCode.DEADLINE_EXCEEDED, format("Query exceeded its deadline of %s", timeout), cause);
    }

    void disarm() {
        timer.cancel(false);
    }
}
