package io.puffindb.registry;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The Registry of the embedded default: one process's memory. */
public final class InMemoryRegistry implements Registry {
    private final Clock clock;
    private final Map<String, Lease> workers = new ConcurrentHashMap<>();
    private final Map<String, Stage> stages = new ConcurrentHashMap<>();

    public InMemoryRegistry(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void heartbeat(WorkerInfo worker, Duration ttl) {
        workers.put(worker.id(), new Lease(worker, clock.instant().plus(ttl)));
    }

    @Override
    public List<WorkerInfo> liveWorkers() {
        Instant now = clock.instant();
        workers.values().removeIf(lease -> !lease.expires().isAfter(now));
        return workers.values().stream().map(Lease::worker).sorted(Comparator.comparing(WorkerInfo::id)).toList();
    }

    @Override
    public void startStage(String stageId, int tasks) {
        stages.put(stageId, new Stage(tasks, ConcurrentHashMap.newKeySet()));
    }

    @Override
    public int completeTask(String stageId, String taskId) {
        Stage stage = stages.get(stageId);
        if (stage == null) {
            throw new IllegalArgumentException("No stage " + stageId);
        }
        stage.done().add(taskId);
        return Math.max(0, stage.tasks() - stage.done().size());
    }

    @Override
    public void close() {
        workers.clear();
        stages.clear();
    }

    private record Lease(WorkerInfo worker, Instant expires) {
    }

    private record Stage(int tasks, Set<String> done) {
    }
}
