package io.puffindb.executors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LAMBDA workers this service may use: in-process ones, and worker processes that registered
 * and keep sending heartbeats. A worker whose heartbeats stop for longer than the TTL is dropped.
 */
public final class WorkerPool {
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public WorkerPool(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Adds (or renews) a worker reachable at a Flight location; it stays while heartbeats keep coming. */
    public void heartbeat(String workerId, String location, int activeTasks) {
        members.put(workerId, new Member(workerId, location, clock.instant(), () -> activeTasks, false));
    }

    /** Adds an in-process worker: it lives as long as this process, without heartbeats. */
    public void addLocal(WorkerNode worker) {
        members.put(worker.id(), new Member(worker.id(), worker.location(), clock.instant(), worker::activeTasks, true));
    }

    /** The live workers with their state, for the cluster page. */
    public List<WorkerStatus> statuses() {
        liveLocations();
        Instant now = clock.instant();
        return members.values().stream()
                .sorted(Comparator.comparing(Member::workerId))
                .map(member -> new WorkerStatus(member.workerId(), member.location(), member.local(), member.activeTasks().getAsInt(),
                        Duration.between(member.lastSeen(), now).toMillis()))
                .toList();
    }

    /** A worker as the cluster page shows it. */
    public record WorkerStatus(String id, String location, boolean inProcess, int activeTasks, long millisSinceHeartbeat) {
    }

    /** Flight locations of the live workers, in a stable order. */
    public List<String> liveLocations() {
        Instant oldest = clock.instant().minus(ttl);
        members.values().removeIf(member -> !member.local() && member.lastSeen().isBefore(oldest));
        List<Member> live = new ArrayList<>(members.values());
        live.sort(Comparator.comparing(Member::workerId));
        return live.stream().map(Member::location).toList();
    }

    private record Member(String workerId, String location, Instant lastSeen, java.util.function.IntSupplier activeTasks, boolean local) {
    }
}
