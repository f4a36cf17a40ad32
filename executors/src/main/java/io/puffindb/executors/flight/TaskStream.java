package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.fragment.TaskSpec;
import java.util.List;

/**
 * A task to pull over Flight, with the workers that may run it in order of preference; if the
 * first fails before sending a row, the next one is asked. Its tickets are signed by its query's {@code tickets}.
 */
public record TaskStream(TaskSpec spec, List<String> workerLocations, int splits, long bytesIn, QueryTickets tickets) {
    public TaskStream {
        requireNonNull(spec, "spec is null");
        requireNonNull(tickets, "tickets is null");
        workerLocations = List.copyOf(workerLocations);
        if (workerLocations.isEmpty()) {
            throw new IllegalArgumentException("No worker can run task " + spec.taskId());
        }
    }

    /** The ticket that streams its rows. */
    public byte[] ticket() {
        return tickets.stream(spec);
    }

    /** The ticket that runs it to its end and hands its output over as {@code stage} says. */
    public byte[] handoverTicket(TaskHandover.Stage stage) {
        return tickets.handover(spec, stage);
    }
}
