package io.puffindb.lambda;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.flight.TaskHandover;

/**
 * What crosses the Lambda Invoke API, as JSON. In: one task as its signed handover ticket (base64),
 * exactly what a worker's Flight action {@value TaskHandover#ACTION} receives — never SQL of its own.
 * Out: where the task's output went, or why the task failed ({@link Failure}, with the engine's error
 * code so the MONOSTORE knows whether another attempt may succeed).
 */
public record TaskInvocation(byte[] ticket) {
    public TaskInvocation {
        requireNonNull(ticket, "ticket is null");
    }

    /** Exactly one of outcome and failure. */
    public record Answer(TaskHandover.Outcome outcome, Failure failure) {
        public static Answer of(TaskHandover.Outcome outcome) {
            return new Answer(requireNonNull(outcome, "outcome is null"), null);
        }

        public static Answer of(Failure failure) {
            return new Answer(null, requireNonNull(failure, "failure is null"));
        }
    }

    /** A task's failure as its engine typed it: an {@code ErrorCode} name and the message for the user. */
    public record Failure(String code, String message) {
    }
}
