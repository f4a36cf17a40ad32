package io.puffindb.web;

import static java.lang.String.format;
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
 * for the page's live progress) and cancellation; and the history of ended ones ({@code ?state=finished}).
 */
final class QueriesResource {
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);
    private static final Duration WAIT_FOR_START = Duration.ofSeconds(10);

    private static final int DEFAULT_LIMIT = 100;

    private final ActiveQueries active;
    private final QueryOwners owners;
    private final QueryHistory history;

    QueriesResource(ActiveQueries active, QueryOwners owners, QueryHistory history) {
        this.active = requireNonNull(active, "active is null");
        this.owners = requireNonNull(owners, "owners is null");
        this.history = requireNonNull(history, "history is null");
    }

    /**
     * The caller's queries (an admin's: everyone's): running ones ({@code state=running}, the default), or the
     * newest {@code limit} that ended ({@code finished}: read to the end or failed; {@code failed}: failed only).
     */
    void list(Context ctx) {
        String state = Optional.ofNullable(ctx.queryParam("state")).orElse("running");
        Caller caller = Caller.of(ctx);
        switch (state) {
            case "running" -> ctx.json(Map.of("queries", owners.visibleAmong(active.all(), caller)));
            case "finished", "failed" -> ctx.json(Map.of("queries", history.newest(caller, state.equals("failed"), limit(ctx))));
            default -> throw new PuffinException(ErrorCode.BAD_REQUEST, format("state is running, finished or failed, not '%s'", state));
        }
    }

    private static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(limit);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PuffinException(ErrorCode.BAD_REQUEST, format("limit is a number of queries, 1 or more, not '%s'", limit));
    }

    void progress(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(progress(id, Caller.of(ctx)).orElseThrow(() -> notRunning(id)));
    }

    /** The plan of a running or recently finished query, with its tasks' actuals. */
    void plan(Context ctx) {
        String id = ctx.pathParam("id");
        PuffinException notFound = new PuffinException(ErrorCode.NOT_FOUND, "No running or recent query with id " + id);
        if (!owners.visible(id, Caller.of(ctx))) {
            throw notFound;
        }
        // A query is visible from the moment it is received, before its plan exists.
        ctx.json(active.plan(id).orElseThrow(() -> active.progress(id).isPresent()
                ? new PuffinException(ErrorCode.NOT_FOUND, format("Query %s is still being planned: its plan is here once planning ends", id))
                : notFound));
    }

    // Another user's query answers as one that does not exist: its id tells nothing.
    void cancel(Context ctx) {
        String id = ctx.pathParam("id");
        if (!owners.visible(id, Caller.of(ctx)) || !active.cancel(id)) {
            throw notRunning(id);
        }
        ctx.json(Map.of("cancelled", id));
    }

    private Optional<QueryProgress> progress(String id, Caller caller) {
        return owners.visible(id, caller) ? active.progress(id) : Optional.empty();
    }

    /**
     * Sends a {@code progress} event every 200 ms while the query runs, then {@code done}. The page
     * opens this before it sends the query, so it first waits a little for the query to start.
     */
    void events(SseClient client) {
        String id = client.ctx().pathParam("id");
        Caller caller = Caller.of(client.ctx());
        try {
            long deadline = System.nanoTime() + WAIT_FOR_START.toNanos();
            Optional<QueryProgress> progress = progress(id, caller);
            while (progress.isEmpty() && System.nanoTime() < deadline && !client.terminated()) {
                Thread.sleep(PROGRESS_EVERY.toMillis() / 4);
                progress = progress(id, caller);
            }
            while (progress.isPresent() && !client.terminated()) {
                client.sendEvent("progress", progress.get());
                Thread.sleep(PROGRESS_EVERY.toMillis());
                progress = progress(id, caller);
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
