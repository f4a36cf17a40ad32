package io.puffindb.registry;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's shared low-latency state (Redis in production, memory in the embedded default):
 * which workers are alive, where lake files are cached, what queries learned about tables, small
 * intermediate results handed from one engine to another, and which map tasks of a stage have
 * completed.
 */
public interface Registry extends AutoCloseable {
    /** Registers a worker, or renews it: it stays alive for {@code ttl} after its last heartbeat. */
    void heartbeat(WorkerInfo worker, Duration ttl);

    /** The workers whose last heartbeat is younger than its TTL, ordered by id. */
    List<WorkerInfo> liveWorkers();

    /** Records a copy of a file in a holder's cache layer (replacing that holder's earlier copy there). */
    void cached(CachedCopy copy);

    /** Forgets a holder's copy of a file in one layer (it was evicted). */
    void evicted(String holder, CacheLayer layer, String file);

    /** Forgets every copy a holder keeps (it shut down). */
    void forgetHolder(String holder);

    /** The known copies of each of these files; a file with none has no entry. */
    Map<String, List<CachedCopy>> copiesOf(Collection<String> files);

    /** Lays what a query learned about a table version over what was known. */
    void recordStatistics(String tableVersion, TableStatistics learned);

    /** What is known about a table version ({@link TableStatistics#NONE} if nothing). */
    TableStatistics statistics(String tableVersion);

    /** Keeps a small intermediate result (Arrow IPC bytes) for {@code ttl}. */
    void putResult(String key, byte[] bytes, Duration ttl);

    /** A kept result, if it has not expired or been deleted. */
    Optional<byte[]> result(String key);

    void deleteResult(String key);

    /** Starts counting a stage of {@code tasks} map tasks. */
    void startStage(String stageId, int tasks);

    /** Marks one task of a stage done (again: no effect); answers how many are still running. */
    int completeTask(String stageId, String taskId);

    /** How many tasks of a stage have not completed yet. */
    int remainingTasks(String stageId);

    /** Forgets a stage once its reduce has what it needs. */
    void endStage(String stageId);

    @Override
    void close();

    /** Returns when the Registry answers; fails (SERVICE_UNAVAILABLE) when it cannot be reached. */
    void ping();
}
