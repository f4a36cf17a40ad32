package io.puffindb.executors.flight;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one query may spill to the object store, over all its handovers: a runaway query fails
 * as RESOURCE_EXHAUSTED instead of filling the disk. Each task is also stopped on its worker once its
 * own output passes the whole budget, since the sum is known only as tasks finish.
 */
public final class SpillBudget {
    static final String EXCEEDED = "Spill budget exceeded";

    private final long maxBytes;
    private final AtomicLong spilled = new AtomicLong();

    public SpillBudget(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Counts a task's spilled output; fails when the query's spills pass the budget. */
    void spent(String taskId, long bytes) {
        long total = spilled.addAndGet(bytes);
        if (total > maxBytes) {
            throw exceeded(format("the query spilled %d bytes with task %s", total, taskId));
        }
    }

    static PuffinException exceeded(String detail) {
        return new PuffinException(ErrorCode.RESOURCE_EXHAUSTED, format("%s: %s", EXCEEDED, detail));
    }

    /** A task's own output passed the whole budget on its worker (typed there as RESOURCE_EXHAUSTED by {@link EngineFailures}). */
    static final class TaskOutputTooLarge extends java.io.IOException {
        TaskOutputTooLarge(long maxBytes) {
            super(EXCEEDED + ": a task's output passed " + maxBytes + " bytes");
        }
    }
}
