package io.puffindb.web;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.http.staticfiles.Location;
import io.puffindb.executors.ActiveQueries;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.WorkerNode;
import io.puffindb.executors.WorkerPool;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Map;
import java.util.Optional;

/** The HTTP service: every route declared here, each handled by a small resource class. */
final class HttpServer {
    private final Javalin app;

    /** {@code workerSecret}: the cluster secret worker processes register with (none: none may). */
    HttpServer(PuffinConfig config, QueryExecutor executor, WorkerPool workerPool, WorkerNode monostore, Optional<ClusterSecret> workerSecret) {
        requireNonNull(config, "config is null");
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        ActiveQueries active = new ActiveQueries();
        QueryResource queries = new QueryResource(executor, active, json);
        QueriesResource running = new QueriesResource(active);
        ClusterResource cluster = new ClusterResource(monostore, workerPool, active);
        ExplainResource explains = new ExplainResource(executor);
        WorkersResource workers = new WorkersResource(workerPool, config.registry(), workerSecret, json);
        ClientResource clients = new ClientResource(executor, monostore.engine().cache(), json, queries,
                new ClientInputs(config.queryTimeout()));
        long maxRequestBytes = config.maxRequestBytes();
        this.app = Javalin.create(javalin -> {
            javalin.jetty.port = config.port();
            javalin.http.maxRequestSize = maxRequestBytes;
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.startup.showJavalinBanner = false;

            javalin.staticFiles.add("/public", Location.CLASSPATH);

            javalin.routes.before("/v1/*", ctx -> rejectOversized(ctx, maxRequestBytes));
            javalin.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            javalin.routes.post("/v1/query", queries::run);
            javalin.routes.post("/v1/describe", queries::describe);
            javalin.routes.get("/v1/explain", explains::explain);
            javalin.routes.post("/v1/client-plan", clients::plan);
            javalin.routes.get("/v1/cached-file", clients::cachedFile);
            javalin.routes.get("/v1/client-input/{token}", clients::input);
            javalin.routes.post("/v1/workers", workers::heartbeat);
            javalin.routes.get("/v1/workers", workers::list);
            javalin.routes.get("/v1/queries", running::list);
            javalin.routes.get("/v1/queries/{id}", running::progress);
            javalin.routes.get("/v1/queries/{id}/plan", running::plan);
            javalin.routes.delete("/v1/queries/{id}", running::cancel);
            javalin.routes.sse("/v1/queries/{id}/events", running::events);
            javalin.routes.get("/v1/cluster", cluster::show);

            javalin.routes.exception(PuffinException.class, (e, ctx) -> ErrorResponses.write(ctx, e));
            javalin.routes.exception(HttpResponseException.class, (e, ctx) -> ErrorResponses.write(ctx, fromHttp(e)));
            javalin.routes.exception(Exception.class, (e, ctx) ->
                    ErrorResponses.write(ctx, new PuffinException(ErrorCode.INTERNAL_ERROR, "Internal error: " + e, e)));
        });
    }

    void start() {
        app.start();
    }

    int port() {
        return app.port();
    }

    void stop() {
        app.stop();
    }

    private static void rejectOversized(Context ctx, long maxRequestBytes) {
        if (ctx.contentLength() > maxRequestBytes) {
            throw new PuffinException(ErrorCode.REQUEST_TOO_LARGE,
                    format("Request body of %d bytes is over the limit of %d bytes", ctx.contentLength(), maxRequestBytes));
        }
    }

    private static PuffinException fromHttp(HttpResponseException e) {
        ErrorCode code = switch (e.getStatus()) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            default -> ErrorCode.BAD_REQUEST;
        };
        return new PuffinException(code, e.getMessage(), e);
    }
}
