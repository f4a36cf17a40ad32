package io.puffindb.executors;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Cancels a query from another thread (deadline, user, shutdown): its planning, the streams its
 * DuckDB statement reads and the statement itself, including when the cancel comes before the
 * statement exists or while DuckDB is still computing the first rows.
 */
public final class Cancellation {
    private final List<Runnable> listeners = new ArrayList<>();
    private Statement statement;
    private boolean cancelled;

    /** Attaches the statement that runs the query; cancels it at once if the query was already cancelled. */
    void attach(Statement statement) {
        synchronized (this) {
            this.statement = statement;
            if (!cancelled) {
                return;
            }
        }
        cancelQuietly(statement);
    }

    /**
     * Runs {@code listener} when the query is cancelled (at once if it already was). DuckDB checks for
     * interruption only between its own steps, not while it waits inside a Java Arrow stream for
     * rows from the workers: the streams it reads must be stopped too.
     */
    void onCancel(Runnable listener) {
        synchronized (this) {
            if (!cancelled) {
                listeners.add(listener);
                return;
            }
        }
        listener.run();
    }

    /**
     * Stops the streams first (the workers' tasks end with them), then the statement. Nothing runs under
     * the lock: DuckDB's cancel can block for a long time, and must not hold up whoever attaches or asks.
     */
    public void cancel() {
        List<Runnable> toRun;
        Statement running;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(listeners);
            listeners.clear();
            running = statement;
        }
        toRun.forEach(Runnable::run);
        if (running != null) {
            cancelQuietly(running);
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
