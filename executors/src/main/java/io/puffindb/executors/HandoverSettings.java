package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a LAMBDA fragment's output reaches its consumer. {@code STREAM}: Arrow Flight streams, pulled
 * while the tasks run. {@code HANDOVER}: each task runs to its end and hands its whole output over,
 * through the Registry when it is at most {@code smallResultBytes} of Arrow IPC (kept for
 * {@code resultTtl}), else written to the object store under {@code spillFolder}; the consumer starts
 * when the Registry counts every task of the stage complete (the seed's MapReduce trigger).
 * {@code AUTO}: handover when the planner expects each task's output to be small, streams otherwise.
 * A query whose spills pass {@code maxSpillBytesPerQuery} fails as RESOURCE_EXHAUSTED.
 */
public record HandoverSettings(Mode mode, long smallResultBytes, String spillFolder, Duration resultTtl, long maxSpillBytesPerQuery) {
    /** What one query may spill unless configured otherwise: far more than any answer here needs, far less than a disk. */
    public static final long DEFAULT_MAX_SPILL_BYTES = 8L << 30;

    public enum Mode {
        STREAM, HANDOVER, AUTO
    }

    public HandoverSettings {
        requireNonNull(mode, "mode is null");
        requireNonNull(spillFolder, "spillFolder is null");
        requireNonNull(resultTtl, "resultTtl is null");
        if (smallResultBytes < 0) {
            throw new IllegalArgumentException("smallResultBytes must not be negative, got " + smallResultBytes);
        }
        if (maxSpillBytesPerQuery < 0) {
            throw new IllegalArgumentException("maxSpillBytesPerQuery must not be negative, got " + maxSpillBytesPerQuery);
        }
    }

    /** With the default spill budget per query. */
    public HandoverSettings(Mode mode, long smallResultBytes, String spillFolder, Duration resultTtl) {
        this(mode, smallResultBytes, spillFolder, resultTtl, DEFAULT_MAX_SPILL_BYTES);
    }

    /** AUTO, 1 MiB through the Registry, spills under {@code spillFolder}, results kept 10 minutes. */
    public static HandoverSettings defaults(String spillFolder) {
        return new HandoverSettings(Mode.AUTO, 1L << 20, spillFolder, Duration.ofMinutes(10));
    }

    public HandoverSettings withMode(Mode newMode) {
        return new HandoverSettings(newMode, smallResultBytes, spillFolder, resultTtl, maxSpillBytesPerQuery);
    }

    public HandoverSettings withSmallResultBytes(long bytes) {
        return new HandoverSettings(mode, bytes, spillFolder, resultTtl, maxSpillBytesPerQuery);
    }

    public HandoverSettings withMaxSpillBytesPerQuery(long bytes) {
        return new HandoverSettings(mode, smallResultBytes, spillFolder, resultTtl, bytes);
    }
}
