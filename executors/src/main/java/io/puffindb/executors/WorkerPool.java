package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.registry.Registry;
import io.puffindb.registry.WorkerInfo;
import java.time.Clock;
import io.puffindb.lake.cache.CacheStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LAMBDA workers this service may use: in-process ones, and worker processes whose heartbeats
 * are kept in the Registry (so that every service sharing a Redis registry sees the same fleet).
 * A worker whose heartbeats stop for longer than the TTL is dropped by the Registry.
 */
public final class WorkerPool {
    private final Map<String, WorkerNode> local = new ConcurrentHashMap<>();
    private final Map<String, Heartbeat> lastHeartbeats = new ConcurrentHashMap<>();
    private final Registry registry;
    private final Duration ttl;
    private final Clock clock;

    public WorkerPool(Registry registry, Duration ttl, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Adds (or renews) a worker process reachable at a Flight location; it stays while heartbeats keep
     * coming. {@code sharesRegistry}: it writes to this service's Registry (so it can hand outputs over).
     */
    public void heartbeat(String workerId, String location, int activeTasks, boolean sharesRegistry) {
        registry.heartbeat(new WorkerInfo(workerId, location), ttl);
        lastHeartbeats.put(workerId, new Heartbeat(clock.instant(), location, activeTasks, sharesRegistry));
    }

    /** Whether the worker at this Flight location writes to this service's Registry: in-process ones always do. */
    public boolean sharesRegistry(String location) {
        return local.values().stream().anyMatch(worker -> worker.location().equals(location))
                || lastHeartbeats.values().stream().anyMatch(beat -> beat.location().equals(location) && beat.sharesRegistry());
    }

    /** Returns when the Registry the fleet lives in answers; fails (SERVICE_UNAVAILABLE) when it does not: the service's health. */
    public void checkRegistry() {
        registry.ping();
    }

    /** Adds an in-process worker: it lives as long as this process, without heartbeats. */
    public void addLocal(WorkerNode worker) {
        local.put(worker.id(), worker);
    }

    /** The live workers with their state, for the cluster page. */
    public List<WorkerStatus> statuses() {
        Instant now = clock.instant();
        List<WorkerStatus> statuses = new ArrayList<>();
        local.values().forEach(worker -> statuses.add(new WorkerStatus(worker.id(), worker.location(), true, worker.activeTasks(), 0,
                worker.engine().cache().stats())));
        for (WorkerInfo worker : registry.liveWorkers()) {
            Heartbeat last = lastHeartbeats.get(worker.id());
            statuses.add(new WorkerStatus(worker.id(), worker.location(), false, last == null ? 0 : last.activeTasks(),
                    last == null ? -1 : Duration.between(last.at(), now).toMillis(), null));
        }
        statuses.sort(Comparator.comparing(WorkerStatus::id));
        return statuses;
    }

    /**
     * A worker as the cluster page shows it (heartbeat age -1: it beats to another service of the
     * deployment; cache null: a worker process, whose heartbeats do not carry its cache yet).
     */
    public record WorkerStatus(String id, String location, boolean inProcess, int activeTasks, long millisSinceHeartbeat, CacheStats cache) {
    }

    /** Flight locations of the live workers, in a stable order. */
    public List<String> liveLocations() {
        return statuses().stream().map(WorkerStatus::location).toList();
    }

    private record Heartbeat(Instant at, String location, int activeTasks, boolean sharesRegistry) {
    }
}
