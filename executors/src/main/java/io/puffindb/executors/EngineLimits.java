package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

/**
 * What one DuckDB engine may use of its host: threads, memory ({@code 4GB}) and temporary disk for
 * spilling ({@code 20GB}), so that the engines of one host add up to it and a query that would fill
 * the disk fails with a clear error instead.
 */
public record EngineLimits(int threads, String memory, String maxTemp) {
    public EngineLimits {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        requireNonNull(memory, "memory is null");
        requireNonNull(maxTemp, "maxTemp is null");
    }

    /** The same memory and disk limits with another thread count. */
    public EngineLimits withThreads(int count) {
        return new EngineLimits(count, memory, maxTemp);
    }
}
