package io.puffindb.registry;

import java.time.Duration;
import java.util.List;

/**
 * The deployment's shared low-latency state (Redis in production, memory in the embedded default):
 * which workers are alive, and which map tasks of a stage have completed.
 */
public interface Registry extends AutoCloseable {
    /** Registers a worker, or renews it: it stays alive for {@code ttl} after its last heartbeat. */
    void heartbeat(WorkerInfo worker, Duration ttl);

    /** The workers whose last heartbeat is younger than its TTL, ordered by id. */
    List<WorkerInfo> liveWorkers();

    /** Starts counting a stage of {@code tasks} map tasks. */
    void startStage(String stageId, int tasks);

    /** Marks one task of a stage done (again: no effect); answers how many are still running. */
    int completeTask(String stageId, String taskId);

    @Override
    void close();
}
