package io.puffindb.executors.flight;

import java.util.List;

/**
 * How a handover's tasks get run: each task is offered to {@link #targets} in turn until one runs
 * it. A Flight worker's action ({@link FlightHandoverRunner}) is the default; a serverless function
 * invoked per task is another. A failure is thrown as the worker's Flight status would be: a status
 * carrying the engine's typed error ({@link TaskErrorStatus}) when the task itself failed.
 */
public interface HandoverRunner {
    /** Where the task may run, in the order to try them: a retry is the next target. */
    List<String> targets(TaskStream task);

    /** Runs the task of a signed handover ticket on {@code target} to its end; answers where its output went. */
    TaskHandover.Outcome run(String target, byte[] handoverTicket);
}
