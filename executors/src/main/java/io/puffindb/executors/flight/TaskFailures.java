package io.puffindb.executors.flight;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * What a task's failure on a worker means for its query, read from the worker's Flight status and
 * never from its text: the type the worker's engine gave it ({@link TaskErrorStatus}) when it carries
 * one; otherwise no engine judged it — a worker that cannot be reached or went away is ours and worth
 * retrying later, and anything else is ours too.
 */
public final class TaskFailures {
    private TaskFailures() {
    }

    public static PuffinException of(String taskId, Throwable cause) {
        if (cause instanceof PuffinException known) {
            return known;
        }
        String what = format("Task %s", taskId);
        if (cause instanceof FlightRuntimeException flight) {
            return TaskErrorStatus.read(flight).orElseGet(() -> lostWorker(flight.status().code())
                    ? new PuffinException(ErrorCode.SERVICE_UNAVAILABLE, format("%s lost its worker: %s", what, flight.getMessage()), cause)
                    : new PuffinException(ErrorCode.INTERNAL_ERROR, format("%s failed: %s", what, flight.getMessage()), cause));
        }
        return new PuffinException(ErrorCode.INTERNAL_ERROR, format("%s failed: %s", what, cause), cause);
    }

    /** Whether running the task again on another worker may succeed: not when the caller is to blame. */
    public static boolean retryable(PuffinException failure) {
        return !failure.code().callersMistake();
    }

    private static boolean lostWorker(FlightStatusCode code) {
        return code == FlightStatusCode.UNAVAILABLE || code == FlightStatusCode.TIMED_OUT;
    }
}
