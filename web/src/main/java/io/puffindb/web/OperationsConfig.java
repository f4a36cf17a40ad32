package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the service tells its operator: the form of its one log line per finished query
 * ({@code --log-format text|json}), how many finished queries its history keeps ({@code --query-history}),
 * and the DuckDB file that keeps them across restarts too, if any ({@code --query-history-file}).
 */
public record OperationsConfig(LogFormat logFormat, int historySize, Optional<Path> historyFile) {
    /** A finished query's log line: a sentence through the service's log, or one JSON object per line on standard output. */
    public enum LogFormat {
        TEXT, JSON;

        static LogFormat parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("log.format is text or json, not '" + text + "'", e);
            }
        }
    }

    public OperationsConfig {
        requireNonNull(logFormat, "logFormat is null");
        requireNonNull(historyFile, "historyFile is null");
        if (historySize < 0) {
            throw new IllegalArgumentException("query.history is a number of queries, 0 or more: " + historySize);
        }
    }

    public static OperationsConfig defaults() {
        return new OperationsConfig(LogFormat.TEXT, 1000, Optional.empty());
    }
}
