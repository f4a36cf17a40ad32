package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.trust.ClusterSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's tickets: the MONOSTORE issues them per query ({@link #forQuery}); every engine checks
 * one before it runs anything ({@link #verify}) — its signature under the cluster secret, its
 * deadline, and that its query has not ended — and learns of ended queries through the Flight action
 * {@value #END_ACTION}, itself signed. An ended query is remembered until its tickets' deadline,
 * after which the deadline alone refuses them.
 */
public final class TaskTickets implements AutoCloseable {
    public static final String END_ACTION = "query-ended";
    /** Engines' clocks may disagree by this much: a ticket is good this long past its deadline. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(TaskTickets.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK = "task-ticket";
    private static final String ENDED = "query-ended";
    private static final long NOTICE_TIMEOUT_MILLIS = 2000;

    private final ClusterSecret secret;
    private final Clock clock;
    private final FlightClients clients;
    private final Map<String, Long> endedUntil = new ConcurrentHashMap<>();
    private final ExecutorService notices = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "query-ended-notices");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code clients}: how this engine tells workers that a query it issued tickets for has ended. */
    public TaskTickets(ClusterSecret secret, Clock clock, FlightClients clients) {
        this.secret = requireNonNull(secret, "secret is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.clients = requireNonNull(clients, "clients is null");
    }

    /** The tickets of query {@code queryId}, good for {@code timeout} (its deadline), run on {@code workers}. */
    public QueryTickets forQuery(String queryId, Duration timeout, List<String> workers) {
        return new QueryTickets(this, queryId, clock.millis() + timeout.toMillis(), workers);
    }

    byte[] sign(TaskTicket ticket) {
        return secret.sign(TASK, encode(ticket));
    }

    /** The ticket's content, if this engine may run it; else the call's refusal. */
    TaskTicket verify(byte[] signed) {
        byte[] payload = secret.open(TASK, signed).orElseThrow(() -> CallStatus.UNAUTHENTICATED
                .withDescription("Not a ticket signed by this cluster's MONOSTORE: tickets are never SQL from outside").toRuntimeException());
        TaskTicket ticket = decode(payload, TaskTicket.class);
        if (clock.millis() > ticket.expiresAtMillis() + CLOCK_SKEW.toMillis()) {
            throw refused("The ticket of task " + ticket.task().taskId() + " expired with its query " + ticket.task().queryId());
        }
        if (endedUntil.containsKey(ticket.task().queryId())) {
            throw refused("Query " + ticket.task().queryId() + " has ended: its tickets are void");
        }
        return ticket;
    }

    /** Whether this engine learnt that query {@code queryId} ended. */
    boolean hasEnded(String queryId) {
        return endedUntil.containsKey(queryId);
    }

    /** The action {@value #END_ACTION}: a signed notice that a query ended; answers its id. */
    String ended(byte[] signedNotice) {
        byte[] payload = secret.open(ENDED, signedNotice).orElseThrow(() -> CallStatus.UNAUTHENTICATED
                .withDescription("Not a notice signed by this cluster's MONOSTORE").toRuntimeException());
        Ended notice = decode(payload, Ended.class);
        remember(notice.queryId(), notice.expiresAtMillis());
        return notice.queryId();
    }

    CompletableFuture<Void> end(String queryId, long expiresAtMillis, List<String> workers) {
        remember(queryId, expiresAtMillis);
        byte[] notice = secret.sign(ENDED, encode(new Ended(queryId, expiresAtMillis)));
        try {
            return CompletableFuture.allOf(workers.stream().distinct()
                    .map(worker -> CompletableFuture.runAsync(() -> tell(worker, notice, queryId), notices))
                    .toArray(CompletableFuture[]::new));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // This engine is closing: so are its workers, or their deadline voids the tickets.
            return CompletableFuture.completedFuture(null);
        }
    }

    private void tell(String worker, byte[] notice, String queryId) {
        try {
            clients.to(worker).doAction(new Action(END_ACTION, notice), CallOptions.timeout(NOTICE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                    .forEachRemaining(ignored -> { });
        } catch (RuntimeException e) {
            // Its deadline still voids the query's tickets there.
            LOG.debug("Worker {} did not learn that query {} ended: {}", worker, queryId, e.getMessage());
        }
    }

    // Ended queries are kept until their tickets would have expired anyway.
    private void remember(String queryId, long expiresAtMillis) {
        long now = clock.millis();
        endedUntil.values().removeIf(until -> until < now);
        endedUntil.put(queryId, expiresAtMillis + CLOCK_SKEW.toMillis());
    }

    private static FlightRuntimeException refused(String why) {
        return CallStatus.UNAUTHORIZED.withDescription(why).toRuntimeException();
    }

    private static byte[] encode(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T decode(byte[] payload, Class<T> type) {
        try {
            return JSON.readValue(payload, type);
        } catch (IOException e) {
            // Signed by us yet unreadable: another build of PuffinDB signed it.
            throw CallStatus.INVALID_ARGUMENT.withDescription("Unreadable " + type.getSimpleName() + ": " + e.getMessage()).toRuntimeException();
        }
    }

    private record Ended(String queryId, long expiresAtMillis) {
    }

    @Override
    public void close() {
        notices.shutdownNow();
    }
}
