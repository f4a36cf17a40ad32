package io.puffindb.executors.flight;

import static java.lang.String.format;

import io.puffindb.executors.DuckDbErrors;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * What a task that failed on every worker means for its query, decided where the failure is still
 * known: DuckDB reads the task's rows through a Java stream, and once the stream fails DuckDB only
 * says "Invalid Input Error", which would blame the caller. A worker that cannot be reached or went
 * away is ours and worth retrying later; otherwise the worker's DuckDB error is sorted as any other.
 */
public final class TaskFailures {
    private TaskFailures() {
    }

    public static PuffinException of(String taskId, Throwable cause) {
        if (cause instanceof PuffinException known) {
            return known;
        }
        String what = format("Task %s", taskId);
        if (cause instanceof FlightRuntimeException flight && lostWorker(flight.status().code())) {
            return new PuffinException(ErrorCode.SERVICE_UNAVAILABLE, format("%s lost its worker: %s", what, flight.getMessage()), cause);
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (message.contains(SpillBudget.EXCEEDED)) {
            return SpillBudget.exceeded(format("%s: %s", what, message));
        }
        return DuckDbErrors.fromMessage(message, what, cause);
    }

    private static boolean lostWorker(FlightStatusCode code) {
        return code == FlightStatusCode.UNAVAILABLE || code == FlightStatusCode.TIMED_OUT;
    }
}
