package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.QueryHandle;
import io.puffindb.executors.RunningQuery;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries started by a GetFlightInfo and waiting for the DoGet that reads them, by ticket. A query is
 * started (planned, run to its first batch) before its FlightInfo is answered, so the client gets the
 * exact schema and most failures at once, and its DoGet streams what the plan goes on producing. One
 * never fetched is closed after {@code unclaimed}, and can be cancelled meanwhile.
 */
final class StartedQueries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StartedQueries.class);

    /** A started query: its handle (to cancel), its rows, whether it has a first batch loaded, its schema. */
    record Started(QueryHandle handle, RunningQuery running, boolean firstLoaded, Schema schema) {
        Started {
            requireNonNull(handle, "handle is null");
            requireNonNull(running, "running is null");
            requireNonNull(schema, "schema is null");
        }
    }

    private static final long CLIENT_WATCH_MILLIS = 50;

    private final QueryExecutor executor;
    private final QueryListing listing;
    private final Duration unclaimed;
    private final Map<String, Started> waiting = new ConcurrentHashMap<>();
    private final Map<String, QueryHandle> handles = new ConcurrentHashMap<>();
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flight-sql-unclaimed");
        thread.setDaemon(true);
        return thread;
    });

    StartedQueries(QueryExecutor executor, QueryListing listing, Duration unclaimed) {
        this.executor = requireNonNull(executor, "executor is null");
        this.listing = requireNonNull(listing, "listing is null");
        this.unclaimed = requireNonNull(unclaimed, "unclaimed is null");
    }

    /**
     * Plans and starts {@code sql} for {@code user} up to its first batch; answers the ticket its DoGet
     * reads it with. A client that gives up meanwhile ({@code clientGone}) cancels it.
     */
    String start(String sql, String user, BooleanSupplier clientGone) {
        String ticket = UUID.randomUUID().toString();
        QueryHandle handle = executor.handle(sql);
        // Cancellable by its ticket and listed from the first moment, while it is planned too.
        handles.put(ticket, handle);
        listing.started(ticket, user, handle);
        ScheduledFuture<?> watch = expiry.scheduleWithFixedDelay(() -> {
            if (clientGone.getAsBoolean()) {
                handle.cancel();
            }
        }, CLIENT_WATCH_MILLIS, CLIENT_WATCH_MILLIS, TimeUnit.MILLISECONDS);
        RunningQuery running = null;
        try {
            running = executor.run(handle);
            boolean first = running.nextBatch();
            waiting.put(ticket, new Started(handle, running, first, running.batch().getSchema()));
        } catch (RuntimeException e) {
            finished(ticket, Optional.of(e));
            closeQuietly(running);
            throw e;
        } finally {
            watch.cancel(false);
        }
        expiry.schedule(() -> claim(ticket).ifPresent(forgotten -> {
            LOG.info("A Flight SQL query was never fetched within {}: closed", unclaimed);
            finished(ticket, Optional.of(new PuffinException(ErrorCode.CANCELLED, "Query was never fetched within " + unclaimed + ": closed")));
            closeQuietly(forgotten.running());
        }), unclaimed.toMillis(), TimeUnit.MILLISECONDS);
        return ticket;
    }

    /** The schema of a started query still waiting for its DoGet. */
    Optional<Schema> schema(String ticket) {
        return Optional.ofNullable(waiting.get(ticket)).map(Started::schema);
    }

    /** Takes the started query off the waiting list: its reader owns it now. */
    Optional<Started> claim(String ticket) {
        Started started = waiting.remove(ticket);
        return Optional.ofNullable(started);
    }

    /** Forgets the ticket once its query was read ({@code failure} empty) or failed. */
    void finished(String ticket, Optional<? extends Exception> failure) {
        handles.remove(ticket);
        listing.ended(ticket, failure);
    }

    /** Cancels the query a ticket names (planning, running, or waiting to be fetched); false if there is none. */
    boolean cancel(String ticket) {
        QueryHandle handle = handles.get(ticket);
        if (handle == null) {
            return false;
        }
        handle.cancel();
        // One still waiting for its DoGet is closed now; one being read ends in its reader, which closes it.
        claim(ticket).ifPresent(started -> {
            finished(ticket, Optional.of(new PuffinException(ErrorCode.CANCELLED, "Query was cancelled")));
            closeQuietly(started.running());
        });
        return true;
    }

    private static void closeQuietly(RunningQuery running) {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (Exception e) {
            LOG.warn("Closing a Flight SQL query failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        expiry.shutdownNow();
        waiting.keySet().forEach(ticket -> claim(ticket).ifPresent(started -> {
            finished(ticket, Optional.of(new PuffinException(ErrorCode.CANCELLED, "The service stopped before the query was fetched")));
            closeQuietly(started.running());
        }));
    }
}
