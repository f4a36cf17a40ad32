package io.puffindb.executors;

import java.util.ArrayList;
import java.util.List;

import java.sql.Statement;

/**
 * Cancels a query's DuckDB statement from another thread (deadline, user, shutdown), including when
 * the cancel comes before the statement exists or while DuckDB is still computing the first rows.
 */
public final class Cancellation {
    private final List<Runnable> listeners = new ArrayList<>();
    private Statement statement;
    private boolean cancelled;

    /** Attaches the statement that runs the query; cancels it at once if the query was already cancelled. */
    synchronized void attach(Statement statement) {
        this.statement = statement;
        if (cancelled) {
            cancelQuietly(statement);
        }
    }

    /**
     * Runs {@code listener} when the query is cancelled (at once if it already was). DuckDB checks for
     * interruption only between its own steps, not while it waits inside a Java Arrow stream for
     * rows from the workers: the streams it reads must be stopped too.
     */
    synchronized void onCancel(Runnable listener) {
        if (cancelled) {
            listener.run();
        } else {
            listeners.add(listener);
        }
    }

    public synchronized void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        if (statement != null) {
            cancelQuietly(statement);
        }
        listeners.forEach(Runnable::run);
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
