package io.puffindb.executors.flight;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Optional;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * How a task's failure crosses Flight with its type, so that the MONOSTORE decides by the code and
 * never by the text: the Flight status carries two metadata entries (gRPC trailers),
 * {@value #CODE} (an {@link ErrorCode} name) and {@value #FAULT} ({@value #CALLER} or {@value #ENGINE});
 * its description is the engine's own message (DuckDB's, for an error in the data), kept for the user.
 * A status without them (a worker gone, a call refused by gRPC itself) is no engine's verdict.
 */
public final class TaskErrorStatus {
    public static final String CODE = "puffindb-error-code";
    public static final String FAULT = "puffindb-error-fault";
    public static final String CALLER = "CALLER";
    public static final String ENGINE = "ENGINE";

    private TaskErrorStatus() {
    }

    /** The status a worker answers for {@code failure}: INVALID_ARGUMENT for the caller's mistakes, INTERNAL for ours. */
    public static FlightRuntimeException of(PuffinException failure) {
        ErrorFlightMetadata metadata = new ErrorFlightMetadata();
        metadata.insert(CODE, failure.code().name());
        metadata.insert(FAULT, failure.code().callersMistake() ? CALLER : ENGINE);
        CallStatus status = failure.code().callersMistake() ? CallStatus.INVALID_ARGUMENT : CallStatus.INTERNAL;
        return status.withDescription(failure.getMessage()).withCause(failure).withMetadata(metadata).toRuntimeException();
    }

    /** The typed failure a worker's status carries, if it carries one. */
    public static Optional<PuffinException> read(FlightRuntimeException status) {
        ErrorFlightMetadata metadata = status.status().metadata();
        if (metadata == null || !metadata.containsKey(CODE)) {
            return Optional.empty();
        }
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(metadata.get(CODE));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.REMOTE_FAILED; // a worker of a newer build: its code is not ours to interpret
        }
        return Optional.of(new PuffinException(code, String.valueOf(status.status().description()), status));
    }
}
