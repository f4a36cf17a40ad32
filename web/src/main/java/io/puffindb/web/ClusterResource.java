package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.puffindb.executors.ActiveQueries;
import io.puffindb.executors.WorkerNode;
import io.puffindb.executors.WorkerPool;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /v1/cluster}: the MONOSTORE and the live workers with their running tasks and SSD caches, the caller's running queries. */
final class ClusterResource {
    private final WorkerNode monostore;
    private final WorkerPool workers;
    private final ActiveQueries active;
    private final QueryOwners owners;

    ClusterResource(WorkerNode monostore, WorkerPool workers, ActiveQueries active, QueryOwners owners) {
        this.owners = requireNonNull(owners, "owners is null");
        this.monostore = requireNonNull(monostore, "monostore is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.active = requireNonNull(active, "active is null");
    }

    void show(Context ctx) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("monostore", Map.of("location", monostore.location(), "cache", monostore.cacheStats()));
        cluster.put("workers", workers.statuses());
        cluster.put("queries", owners.visibleAmong(active.all(), Caller.of(ctx)));
        ctx.json(cluster);
    }
}
