package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.fragment.TaskSpec;
import java.util.List;

/**
 * A task to pull over Flight, with the workers that may run it in order of preference; if the
 * first fails before sending a row, the next one is asked.
 */
public record TaskStream(TaskSpec spec, List<String> workerLocations, int splits, long bytesIn) {
    public TaskStream {
        requireNonNull(spec, "spec is null");
        workerLocations = List.copyOf(workerLocations);
        if (workerLocations.isEmpty()) {
            throw new IllegalArgumentException("No worker can run task " + spec.taskId());
        }
    }
}
