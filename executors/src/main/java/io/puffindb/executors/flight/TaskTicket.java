package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.fragment.TaskSpec;

/**
 * What a signed ticket says: the task to run, how to hand its output over (null: stream it), how to
 * deal it by key (null: it is not shuffled) and which part of it to stream ({@link #WHOLE}: all of
 * it, or none when the ticket writes the shuffle), and when the ticket stops being good (its query's
 * deadline, in epoch milliseconds).
 */
record TaskTicket(TaskSpec task, TaskHandover.Stage stage, Shuffle shuffle, int partition, long expiresAtMillis) {
    static final int WHOLE = -1;

    TaskTicket {
        requireNonNull(task, "task is null");
        if (partition != WHOLE) {
            requireNonNull(shuffle, "a partition of an output that is not shuffled").checkPartition(partition);
        }
    }
}
