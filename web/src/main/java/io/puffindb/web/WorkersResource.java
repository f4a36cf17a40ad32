package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.puffindb.executors.WorkerPool;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Map;

/** {@code /v1/workers}: worker processes join and send heartbeats here; GET lists the live ones. */
final class WorkersResource {
    private final WorkerPool workers;
    private final String registry;

    WorkersResource(WorkerPool workers, String registry) {
        this.workers = requireNonNull(workers, "workers is null");
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** POST {@code {"id": "...", "location": "grpc+tcp://host:port", "activeTasks": n}}: registers or renews a worker. */
    void heartbeat(Context ctx) {
        WorkerHeartbeat heartbeat = ctx.bodyAsClass(WorkerHeartbeat.class);
        if (heartbeat.id() == null || heartbeat.location() == null || !heartbeat.location().startsWith("grpc")) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "A heartbeat is {\"id\": \"...\", \"location\": \"grpc+tcp://host:port\"}");
        }
        // Only a Redis registry can be shared between processes; the worker's must be this service's own.
        boolean sharesRegistry = heartbeat.registry() != null && heartbeat.registry().startsWith("redis://") && heartbeat.registry().equals(registry);
        workers.heartbeat(heartbeat.id(), heartbeat.location(), heartbeat.activeTasks(), sharesRegistry);
        ctx.json(Map.of("live", workers.liveLocations().size()));
    }

    void list(Context ctx) {
        ctx.json(Map.of("workers", workers.statuses()));
    }

    /** What a worker sends ({@code registry}: the Registry it was configured with). */
    record WorkerHeartbeat(String id, String location, int activeTasks, String registry) {
    }
}
