package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.puffindb.executors.WorkerPool;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v1/workers}: worker processes join and send heartbeats here, proving with the cluster
 * secret that they belong; GET lists the live ones.
 */
final class WorkersResource {
    private static final String HEARTBEAT_SHAPE = "A heartbeat is {\"id\": \"...\", \"location\": \"grpc+tcp://host:port\", \"activeTasks\": n}";
    private final WorkerPool workers;
    private final String registry;
    private final Optional<ClusterSecret> secret;
    private final ObjectMapper json;

    /** {@code secret}: what worker processes prove they hold (none: this service accepts none). */
    WorkersResource(WorkerPool workers, String registry, Optional<ClusterSecret> secret, ObjectMapper json) {
        this.workers = requireNonNull(workers, "workers is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.secret = requireNonNull(secret, "secret is null");
        this.json = requireNonNull(json, "json is null");
    }

    /**
     * POST {@code {"id": "...", "location": "grpc+tcp://host:port", "activeTasks": n}} with the cluster's proof in
     * {@value ClusterSecret#HEADER}: registers or renews a worker. No proof: 401; a wrong one, or none accepted here: 403.
     */
    void heartbeat(Context ctx) {
        String proof = ctx.header(ClusterSecret.HEADER);
        if (proof == null) {
            throw new PuffinException(ErrorCode.UNAUTHENTICATED, "A worker registers with its cluster's proof in the header " + ClusterSecret.HEADER
                    + " (start it with --cluster-secret-file FILE)");
        }
        ClusterSecret expected = secret.orElseThrow(() -> new PuffinException(ErrorCode.FORBIDDEN,
                "This service accepts no worker processes: start it with --cluster-secret-file FILE, and its workers with the same file"));
        if (!expected.isProof(proof)) {
            throw new PuffinException(ErrorCode.FORBIDDEN, "Wrong cluster proof: the worker's --cluster-secret-file is not this service's");
        }
        WorkerHeartbeat heartbeat = read(ctx);
        if (heartbeat.id() == null || heartbeat.location() == null || !heartbeat.location().startsWith("grpc")) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, HEARTBEAT_SHAPE);
        }
        // Only a Redis registry can be shared between processes; the worker's must be this service's own.
        boolean sharesRegistry = heartbeat.registry() != null && heartbeat.registry().startsWith("redis://") && heartbeat.registry().equals(registry);
        workers.heartbeat(heartbeat.id(), heartbeat.location(), heartbeat.activeTasks(), sharesRegistry);
        ctx.json(Map.of("live", workers.liveLocations().size()));
    }

    private WorkerHeartbeat read(Context ctx) {
        try {
            return json.readValue(ctx.bodyAsBytes(), WorkerHeartbeat.class);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, HEARTBEAT_SHAPE + "; this one is not: " + e.getMessage(), e);
        }
    }

    void list(Context ctx) {
        ctx.json(Map.of("workers", workers.statuses()));
    }

    /** What a worker sends ({@code registry}: the Registry it was configured with). */
    record WorkerHeartbeat(String id, String location, int activeTasks, String registry) {
    }
}
