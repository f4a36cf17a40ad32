package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.puffindb.executors.ActiveQueries;
import io.puffindb.executors.QueryProgress;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v1/queries}: the running queries, each one's progress (also as a Server-Sent Events stream,
 * for the page's live progress) and cancellation.
 */
final class QueriesResource {
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);
    private static final Duration WAIT_FOR_START = Duration.ofSeconds(10);

    private final ActiveQueries active;

    QueriesResource(ActiveQueries active) {
        this.active = requireNonNull(active, "active is null");
    }

    void list(Context ctx) {
        ctx.json(Map.of("queries", active.all()));
    }

    void progress(Context ctx) {
        ctx.json(active.progress(ctx.pathParam("id")).orElseThrow(() -> notRunning(ctx.pathParam("id"))));
    }

    /** The plan of a running or recently finished query, with its tasks' actuals. */
    void plan(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(active.plan(id).orElseThrow(() -> new PuffinException(ErrorCode.NOT_FOUND, "No running or recent query with id " + id)));
    }

    void cancel(Context ctx) {
        String id = ctx.pathParam("id");
        if (!active.cancel(id)) {
            throw notRunning(id);
        }
        ctx.json(Map.of("cancelled", id));
    }

    /**
     * Sends a {@code progress} event every 200 ms while the query runs, then {@code done}. The page
     * opens this before it sends the query, so it first waits a little for the query to start.
     */
    void events(SseClient client) {
        String id = client.ctx().pathParam("id");
        try {
            long deadline = System.nanoTime() + WAIT_FOR_START.toNanos();
            Optional<QueryProgress> progress = active.progress(id);
            while (progress.isEmpty() && System.nanoTime() < deadline && !client.terminated()) {
                Thread.sleep(PROGRESS_EVERY.toMillis() / 4);
                progress = active.progress(id);
            }
            while (progress.isPresent() && !client.terminated()) {
                client.sendEvent("progress", progress.get());
                Thread.sleep(PROGRESS_EVERY.toMillis());
                progress = active.progress(id);
            }
            client.sendEvent("done", Map.of("queryId", id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private static PuffinException notRunning(String id) {
        return new PuffinException(ErrorCode.NOT_FOUND, "No running query with id " + id);
    }
}
