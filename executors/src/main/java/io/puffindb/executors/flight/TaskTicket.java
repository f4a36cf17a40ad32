package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.fragment.TaskSpec;

/**
 * What a signed ticket says: the task to run, how to hand its output over (null: stream it), and
 * when the ticket stops being good (its query's deadline, in epoch milliseconds).
 */
record TaskTicket(TaskSpec task, TaskHandover.Stage stage, long expiresAtMillis) {
    TaskTicket {
        requireNonNull(task, "task is null");
    }
}
