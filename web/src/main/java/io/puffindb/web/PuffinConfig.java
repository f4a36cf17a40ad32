package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of a PuffinDB process, typed. Built by {@link ConfigLoader} from flags, environment,
 * a properties file and defaults, in that order of precedence.
 */
public record PuffinConfig(
        int port,
        Path lake,
        double scaleFactor,
        String defaultSchema,
        Duration queryTimeout,
        long maxRequestBytes,
        int duckDbThreads,
        String duckDbMemoryLimit,
        int arrowBatchRows,
        String server) {
    public PuffinConfig {
        requireNonNull(lake, "lake is null");
        requireNonNull(defaultSchema, "defaultSchema is null");
        requireNonNull(queryTimeout, "queryTimeout is null");
        requireNonNull(duckDbMemoryLimit, "duckDbMemoryLimit is null");
        requireNonNull(server, "server is null");
    }
}
