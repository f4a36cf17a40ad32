package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.puffindb.executors.PreparedQuery;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.QueryHandle;
import io.puffindb.executors.RunningQuery;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** {@code POST /v1/query}: runs a query and answers JSON, or an Arrow IPC stream when asked for one; and {@code /v1/describe}. */
final class QueryResource {
    static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";

    private final QueryExecutor executor;
    private final QueryTracker tracker;
    private final ObjectMapper json;

    QueryResource(QueryExecutor executor, QueryTracker tracker, ObjectMapper json) {
        this.executor = requireNonNull(executor, "executor is null");
        this.tracker = requireNonNull(tracker, "tracker is null");
        this.json = requireNonNull(json, "json is null");
    }

    void run(Context ctx) throws Exception {
        long start = System.nanoTime();
        QueryRequest request = QueryRequest.parse(json, ctx.bodyAsBytes());
        // Visible and cancellable, and under its deadline, while it is planned too.
        run(ctx, executor.handle(request.sql(), request.schema()), request.queryId(), start);
    }

    /** Runs a planned query, visible among the running ones (the page, cancel) until it has answered. */
    void run(Context ctx, PreparedQuery prepared, String queryId, long start) throws Exception {
        run(ctx, executor.handle(prepared), queryId, start);
    }

    private void run(Context ctx, QueryHandle handle, String queryId, long start) throws Exception {
        ctx.header("X-Query-Id", queryId);
        tracker.started(queryId, Caller.of(ctx), handle);
        Optional<Exception> failure = Optional.empty();
        try (RunningQuery running = executor.run(handle)) {
            answer(ctx, running, start);
        } catch (Exception e) {
            failure = Optional.of(e);
            throw e;
        } finally {
            tracker.ended(queryId, failure);
        }
    }

    private void answer(Context ctx, RunningQuery running, long start) throws Exception {
        // Load the first batch before answering, so most failures still get a proper status.
        boolean first = running.nextBatch();
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains(ARROW_STREAM)) {
            ctx.contentType(ARROW_STREAM);
            writeArrow(running, first, ctx.outputStream());
        } else {
            ctx.contentType("application/json");
            JsonResultWriter.write(json, running, first, start, ctx.outputStream());
        }
    }

    /** {@code POST /v1/describe}: the result's columns and exact types, without running the query. */
    void describe(Context ctx) {
        QueryRequest request = QueryRequest.parse(json, ctx.bodyAsBytes());
        List<Map<String, String>> columns = executor.describe(request.sql()).stream()
                .map(column -> Map.of("name", column.name(), "type", column.duckDbType()))
                .toList();
        ctx.json(Map.of("columns", columns));
    }

    private static void writeArrow(RunningQuery running, boolean first, OutputStream out) throws Exception {
        try (ArrowStreamWriter writer = new ArrowStreamWriter(running.batch(), null, out)) {
            writer.start();
            boolean loaded = first;
            while (loaded) {
                writer.writeBatch();
                loaded = running.nextBatch();
            }
            writer.end();
        }
    }
}
