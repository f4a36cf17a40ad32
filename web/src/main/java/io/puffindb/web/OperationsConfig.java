package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * What the service tells its operator: the form of its one log line per finished query
 * ({@code --log-format text|json}) and how many finished queries its history keeps ({@code --query-history}).
 */
public record OperationsConfig(LogFormat logFormat, int historySize) {
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
        if (historySize < 0) {
            throw new IllegalArgumentException("query.history is a number of queries, 0 or more: " + historySize);
        }
    }

    public static OperationsConfig defaults() {
        return new OperationsConfig(LogFormat.TEXT, 1000);
    }
}
