package io.puffindb.registry;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The Registry of the embedded default: one process's memory. */
public final class InMemoryRegistry implements Registry {
    private final Clock clock;
    private final Map<String, Lease> workers = new ConcurrentHashMap<>();
    private final Map<String, Stage> stages = new ConcurrentHashMap<>();
    // file -> (holder, layer) -> copy
    private final Map<String, Map<Holding, CachedCopy>> copies = new ConcurrentHashMap<>();
    private final Map<String, TableStatistics> statistics = new ConcurrentHashMap<>();
    private final Map<String, Kept> results = new ConcurrentHashMap<>();

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
    public void cached(CachedCopy copy) {
        copies.computeIfAbsent(copy.file(), file -> new ConcurrentHashMap<>()).put(new Holding(copy.holder(), copy.layer()), copy);
    }

    @Override
    public void evicted(String holder, CacheLayer layer, String file) {
        copies.computeIfPresent(file, (key, held) -> {
            held.remove(new Holding(holder, layer));
            return held.isEmpty() ? null : held;
        });
    }

    @Override
    public void forgetHolder(String holder) {
        for (String file : List.copyOf(copies.keySet())) {
            copies.computeIfPresent(file, (key, held) -> {
                held.keySet().removeIf(holding -> holding.holder().equals(holder));
                return held.isEmpty() ? null : held;
            });
        }
    }

    @Override
    public Map<String, List<CachedCopy>> copiesOf(Collection<String> files) {
        Map<String, List<CachedCopy>> found = new HashMap<>();
        for (String file : files) {
            Map<Holding, CachedCopy> held = copies.get(file);
            if (held != null && !held.isEmpty()) {
                found.put(file, new ArrayList<>(held.values()));
            }
        }
        return found;
    }

    @Override
    public void recordStatistics(String tableVersion, TableStatistics learned) {
        statistics.merge(tableVersion, learned, TableStatistics::with);
    }

    @Override
    public TableStatistics statistics(String tableVersion) {
        return statistics.getOrDefault(tableVersion, TableStatistics.NONE);
    }

    @Override
    public void putResult(String key, byte[] bytes, Duration ttl) {
        results.put(key, new Kept(bytes.clone(), clock.instant().plus(ttl)));
    }

    @Override
    public Optional<byte[]> result(String key) {
        Instant now = clock.instant();
        results.values().removeIf(kept -> !kept.expires().isAfter(now));
        return Optional.ofNullable(results.get(key)).map(kept -> kept.bytes().clone());
    }

    @Override
    public void deleteResult(String key) {
        results.remove(key);
    }

    @Override
    public void startStage(String stageId, int tasks) {
        stages.put(stageId, new Stage(tasks, ConcurrentHashMap.newKeySet()));
    }

    @Override
    public int completeTask(String stageId, String taskId) {
        stage(stageId).done().add(taskId);
        return remainingTasks(stageId);
    }

    @Override
    public int remainingTasks(String stageId) {
        Stage stage = stage(stageId);
        return Math.max(0, stage.tasks() - stage.done().size());
    }

    @Override
    public void endStage(String stageId) {
        stages.remove(stageId);
    }

    private Stage stage(String stageId) {
        Stage stage = stages.get(stageId);
        if (stage == null) {
            throw new IllegalArgumentException("No stage " + stageId);
        }
        return stage;
    }

    @Override
    public void close() {
        workers.clear();
        stages.clear();
        copies.clear();
        statistics.clear();
        results.clear();
    }

    private record Lease(WorkerInfo worker, Instant expires) {
    }

    private record Stage(int tasks, Set<String> done) {
    }

    private record Holding(String holder, CacheLayer layer) {
    }

    private record Kept(byte[] bytes, Instant expires) {
    }

    /** Always reachable: it lives in this process. */
    @Override
    public void ping() {
    }
}
