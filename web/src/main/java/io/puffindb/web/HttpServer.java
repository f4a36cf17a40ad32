package io.puffindb.web;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.http.staticfiles.Location;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.WorkerNode;
import io.puffindb.executors.WorkerPool;
import io.puffindb.executors.cache.CacheDirectory;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.web.flightsql.CatalogTables;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP service: every route declared here, in one table, each handled by a small resource
 * class; every request checked by the {@link RequestGuard} and, on routes that need it, authenticated.
 */
final class HttpServer {
    /** Who may call a route: anyone, a user with a token (the default), or a worker (the cluster's own authentication). */
    enum Access { PUBLIC, USER, WORKER }

    /** One declared route. */
    record Route(HandlerType method, String path, Access access, Handler handler) {
        Route {
            requireNonNull(method, "method is null");
            requireNonNull(path, "path is null");
            requireNonNull(access, "access is null");
            requireNonNull(handler, "handler is null");
        }
    }

    private final Javalin app;
    private final List<Route> routes;

    /**
     * {@code workerSecret}: the cluster secret worker processes register with (none: none may); {@code tracker}:
     * the queries, this server's and those of the service's other endpoints, running and ended; {@code metrics}: what {@code /metrics} shows;
     * {@code directory}: where the engines' caches hold which files.
     */
    HttpServer(PuffinConfig config, Users users, Optional<TlsFiles> tls, QueryExecutor executor, WorkerPool workerPool, WorkerNode monostore,
            Optional<ClusterSecret> workerSecret, QueryTracker tracker, MetricsResource metrics, CatalogTables catalog, CacheDirectory directory) {
        requireNonNull(config, "config is null");
        requireNonNull(users, "users is null");
        requireNonNull(tls, "tls is null");
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        requireNonNull(tracker, "tracker is null");
        requireNonNull(metrics, "metrics is null");
        QueryResource queries = new QueryResource(executor, tracker, json);
        QueriesResource running = new QueriesResource(tracker.active(), tracker.owners(), tracker.history());
        ClusterResource cluster = new ClusterResource(monostore, workerPool, tracker.active(), tracker.owners());
        ExplainResource explains = new ExplainResource(executor);
        TablesResource tables = new TablesResource(catalog);
        TableCacheResource tableCaches = new TableCacheResource(catalog, directory);
        WorkersResource workers = new WorkersResource(workerPool, config.registry(), workerSecret, json);
        ClientResource clients = new ClientResource(executor, monostore.engine().cache(), json, queries,
                new ClientInputs(config.queryTimeout()));
        this.routes = List.of(
                new Route(HandlerType.GET, "/health", Access.PUBLIC, ctx -> health(ctx, workerPool)),
                new Route(HandlerType.GET, "/metrics", Access.USER, metrics::show),
                new Route(HandlerType.POST, "/v1/query", Access.USER, queries::run),
                new Route(HandlerType.POST, "/v1/describe", Access.USER, queries::describe),
                new Route(HandlerType.GET, "/v1/explain", Access.USER, explains::explain),
                new Route(HandlerType.GET, "/v1/tables", Access.USER, tables::list),
                new Route(HandlerType.GET, "/v1/table-cache", Access.USER, tableCaches::show),
                new Route(HandlerType.POST, "/v1/client-plan", Access.USER, clients::plan),
                new Route(HandlerType.GET, "/v1/cached-file", Access.USER, clients::cachedFile),
                new Route(HandlerType.GET, "/v1/client-input/{token}", Access.USER, clients::input),
                // Worker registration is authenticated by the cluster secret (the workers' own concern), not by users' tokens.
                new Route(HandlerType.POST, "/v1/workers", Access.WORKER, workers::heartbeat),
                new Route(HandlerType.GET, "/v1/workers", Access.USER, workers::list),
                new Route(HandlerType.GET, "/v1/queries", Access.USER, running::list),
                new Route(HandlerType.GET, "/v1/queries/{id}", Access.USER, running::progress),
                new Route(HandlerType.GET, "/v1/queries/{id}/plan", Access.USER, running::plan),
                new Route(HandlerType.DELETE, "/v1/queries/{id}", Access.USER, running::cancel),
                new Route(HandlerType.GET, "/v1/queries/{id}/events", Access.USER, new ServerSentEvents(running::events)),
                new Route(HandlerType.GET, "/v1/cluster", Access.USER, cluster::show));
        RequestGuard guard = new RequestGuard(config.http());
        long maxRequestBytes = config.maxRequestBytes();
        this.app = Javalin.create(javalin -> {
            javalin.jetty.host = config.bind();
            javalin.jetty.port = config.port();
            javalin.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(json)));
            // With TLS, its connector is the only one: nothing is served in clear text.
            tls.ifPresent(files -> javalin.jetty.addConnector((server, http) -> files.connector(server, http, config.bind(), config.port())));
            javalin.http.maxRequestSize = maxRequestBytes;
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.startup.showJavalinBanner = false;

            // The page's files need no token: the page asks for one, then sends it on every call.
            javalin.staticFiles.add("/public", Location.CLASSPATH);

            javalin.routes.before(guard::check);
            javalin.routes.before("/v1/*", ctx -> rejectOversized(ctx, maxRequestBytes));
            for (Route route : routes) {
                javalin.routes.addHttpHandler(route.method(), route.path(), authenticated(route, users));
            }

            javalin.routes.exception(PuffinException.class, (e, ctx) -> ErrorResponses.write(ctx, e));
            javalin.routes.exception(JacksonException.class, (e, ctx) -> ErrorResponses.write(ctx, new PuffinException(ErrorCode.BAD_REQUEST,
                    "The request body is not the JSON this route takes: " + e.getOriginalMessage(), e)));
            javalin.routes.exception(HttpResponseException.class, (e, ctx) -> ErrorResponses.write(ctx, fromHttp(e)));
            javalin.routes.exception(Exception.class, (e, ctx) ->
                    ErrorResponses.write(ctx, new PuffinException(ErrorCode.INTERNAL_ERROR, "Internal error: " + e, e)));
        });
    }

    /** Every route this server declares, as registered. */
    List<Route> routes() {
        return routes;
    }

    /** What Javalin's router serves, "METHOD /path" each (its filters left out): the route table's, if no route slipped past it. */
    Set<String> servedEndpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .collect(Collectors.toSet());
    }

    void start() {
        app.start();
    }

    int port() {
        return app.port();
    }

    /** The address the HTTP socket is bound to. */
    InetSocketAddress boundAddress() {
        ServerConnector connector = (ServerConnector) app.jettyServer().server().getConnectors()[0];
        return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), connector.getLocalPort());
    }

    void stop() {
        app.stop();
    }

    // Healthy when the Registry answers: without it no query can be planned (503 with the error's JSON otherwise).
    private static void health(Context ctx, WorkerPool workerPool) {
        workerPool.checkRegistry();
        ctx.json(Map.of("status", "ok", "registry", "ok"));
    }

    // A route's handler behind the authentication its access asks for; the caller is attached for the resources.
    private static Handler authenticated(Route route, Users users) {
        if (route.access() != Access.USER) {
            return route.handler();
        }
        return ctx -> {
            Caller caller = users.authenticate(ctx.header("Authorization")).orElseThrow(() -> new PuffinException(ErrorCode.UNAUTHENTICATED,
                    "This service needs 'Authorization: Bearer <token>' (the CLI sends PUFFINDB_AUTH_TOKEN); the token was missing or unknown"));
            caller.attachTo(ctx);
            route.handler().handle(ctx);
        };
    }

    private static void rejectOversized(Context ctx, long maxRequestBytes) {
        if (ctx.contentLength() > maxRequestBytes) {
            throw new PuffinException(ErrorCode.REQUEST_TOO_LARGE,
                    format("Request body of %d bytes is over the limit of %d bytes", ctx.contentLength(), maxRequestBytes));
        }
    }

    private static PuffinException fromHttp(HttpResponseException e) {
        return new PuffinException(ErrorResponses.codeOf(e.getStatus()), e.getMessage(), e);
    }
}
