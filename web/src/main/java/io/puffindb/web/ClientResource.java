package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.puffindb.executors.ClientPlan;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * The service's side of the CLIENT tier. {@code POST /v1/client-plan} plans a query for a client
 * that lists the lake files its own cache holds; {@code GET /v1/cached-file?uri=&version=&size=}
 * serves one file from the MONOSTORE's cache, so a client copies files one layer up without going
 * to the lake. When a client's plan is split, {@code GET /v1/client-input/{token}} runs one of the
 * service's parts and streams its rows as Arrow IPC.
 */
final class ClientResource {
    private final QueryExecutor executor;
    private final FileCache monostoreCache;
    private final ObjectMapper json;
    private final QueryResource queries;
    private final ClientInputs inputs;

    ClientResource(QueryExecutor executor, FileCache monostoreCache, ObjectMapper json, QueryResource queries, ClientInputs inputs) {
        this.executor = requireNonNull(executor, "executor is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.inputs = requireNonNull(inputs, "inputs is null");
        this.monostoreCache = requireNonNull(monostoreCache, "monostoreCache is null");
        this.json = requireNonNull(json, "json is null");
    }

    /** A lake file by location, version and size, as the client and the service name it. */
    record CachedFile(String uri, String version, long size) {
        StoredObject toStoredObject() {
            return new StoredObject(uri, size, version);
        }

        static CachedFile of(StoredObject file) {
            return new CachedFile(file.uri(), file.version(), file.size());
        }
    }

    /** {@code {"sql": "...", "cached": [{"uri", "version", "size"}...]}}. */
    record PlanRequest(String sql, List<CachedFile> cached) {
    }

    /** Rows the client's SQL reads as table {@code name}, fetched from {@code /v1/client-input/{token}}. */
    record ServiceInput(String name, String token) {
    }

    /**
     * {@code runsOnClient}: run {@code sql} over the cached files and the service's {@code inputs};
     * {@code files}: every lake file the plan reads (on the client or not).
     */
    record PlanResponse(boolean runsOnClient, String sql, List<ServiceInput> inputs, List<CachedFile> files) {
    }

    void plan(Context ctx) {
        PlanRequest request;
        try {
            request = json.readValue(ctx.bodyAsBytes(), PlanRequest.class);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST,
                    "The request body must be {\"sql\": \"<query>\", \"cached\": [{\"uri\", \"version\", \"size\"}]}: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (request.sql() == null || request.sql().isBlank()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "The request body must have a non-empty \"sql\"");
        }
        List<StoredObject> held = request.cached() == null ? List.of() : request.cached().stream().map(CachedFile::toStoredObject).toList();
        ClientPlan plan = executor.planForClient(request.sql(), held);
        List<ServiceInput> served = plan.inputs().stream().map(input -> new ServiceInput(input.name(), inputs.hold(input.query(), Caller.of(ctx)))).toList();
        ctx.json(new PlanResponse(plan.clientSql().isPresent(), plan.clientSql().orElse(null), served, plan.files().stream().map(CachedFile::of).toList()));
    }

    void input(Context ctx) throws Exception {
        long start = System.nanoTime();
        String token = ctx.pathParam("token");
        queries.run(ctx, inputs.take(token, Caller.of(ctx)), token, start);
    }

    void cachedFile(Context ctx) throws IOException {
        String uri = ctx.queryParam("uri");
        String version = ctx.queryParam("version");
        String size = ctx.queryParam("size");
        if (uri == null || version == null || size == null) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Missing query parameter: uri, version and size are needed");
        }
        StoredObject file;
        try {
            file = new StoredObject(uri, Long.parseLong(size), version);
        } catch (NumberFormatException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "size must be a number of bytes, not '" + size + "'", e);
        }
        FileCache.Pinned pinned = monostoreCache.pinIfCached(file)
                .orElseThrow(() -> new PuffinException(ErrorCode.NOT_FOUND, "The MONOSTORE does not cache " + uri + " (version " + version + ")"));
        try (pinned; InputStream in = Files.newInputStream(pinned.path())) {
            ctx.contentType("application/octet-stream");
            in.transferTo(ctx.outputStream());
        }
    }
}
