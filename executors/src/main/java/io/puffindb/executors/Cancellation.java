package io.puffindb.executors;

import java.sql.Statement;

/**
 * Cancels a query's DuckDB statement from another thread (deadline, user, shutdown), including when
 * the cancel comes before the statement exists or while DuckDB is still computing the first rows.
 */
public final class Cancellation {
    private Statement statement;
    private boolean cancelled;

    /** Attaches the statement that runs the query; cancels it at once if the query was already cancelled. */
    synchronized void attach(Statement statement) {
        this.statement = statement;
        if (cancelled) {
            cancelQuietly(statement);
        }
    }

    public synchronized void cancel() {
        cancelled = true;
        if (statement != null) {
            cancelQuietly(statement);
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (Exception ignored) {
            // finished or closed already: nothing left to stop
        }
    }
}
