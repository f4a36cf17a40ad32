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

    /**
     * The limits of each of {@code engines} engines that share this one's host, as in-process or
     * same-host workers do: together they get as many threads as it has, not as many each.
     */
    public EngineLimits sharedBy(int engines) {
        return new EngineLimits(Math.max(1, threads / Math.max(1, engines)), memory, maxTemp);
    }
}
