package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import java.util.function.Consumer;

/**
 * A Server-Sent Events route that streams to any client of its URL. Javalin's own SSE handler
 * answers an empty 200 unless the request says {@code Accept: text/event-stream}, so a plain
 * {@code curl} of the URL printed nothing.
 */
final class ServerSentEvents implements Handler {
    private final Consumer<SseClient> events;

    ServerSentEvents(Consumer<SseClient> events) {
        this.events = requireNonNull(events, "events is null");
    }

    @Override
    public void handle(Context ctx) throws Exception {
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.contentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no"); // proxies pass each event on at once
        ctx.res().flushBuffer();
        events.accept(new SseClient(ctx));
    }
}
