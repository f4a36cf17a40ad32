package io.puffindb.web.flightsql;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * Our errors as Flight statuses: the status says the kind (a client's mistake, a timeout, a cancel), the
 * description starts with our error code and, for a parse error, its line and column; the same three
 * travel as trailers ({@code puffindb-error-code}, {@code puffindb-line}, {@code puffindb-column}) for programs.
 */
final class FlightErrors {
    static final String CODE_KEY = "puffindb-error-code";
    static final String LINE_KEY = "puffindb-line";
    static final String COLUMN_KEY = "puffindb-column";

    private FlightErrors() {
    }

    /** Any failure as the status a Flight client sees; one of ours keeps its code. */
    static FlightRuntimeException of(Throwable failure) {
        if (failure instanceof FlightRuntimeException flight) {
            return flight;
        }
        PuffinException puffin = failure instanceof PuffinException known ? known
                : new PuffinException(ErrorCode.INTERNAL_ERROR, "Internal error: " + failure, failure);
        ErrorFlightMetadata trailers = new ErrorFlightMetadata();
        trailers.insert(CODE_KEY, puffin.code().name());
        StringBuilder description = new StringBuilder(puffin.code().name());
        if (puffin.line().isPresent()) {
            trailers.insert(LINE_KEY, String.valueOf(puffin.line().getAsInt()));
            trailers.insert(COLUMN_KEY, String.valueOf(puffin.column().orElse(0)));
            description.append(" at line ").append(puffin.line().getAsInt()).append(", column ").append(puffin.column().orElse(0));
        }
        description.append(": ").append(puffin.getMessage());
        return status(puffin.code()).withDescription(description.toString()).withCause(puffin).withMetadata(trailers).toRuntimeException();
    }

    private static CallStatus status(ErrorCode code) {
        return switch (code) {
            case PARSE_ERROR, VALIDATION_ERROR, TABLE_NOT_FOUND, UNSUPPORTED_TYPE, BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE, REQUEST_TOO_LARGE,
                    QUERY_FAILED -> CallStatus.INVALID_ARGUMENT;
            case NOT_FOUND -> CallStatus.NOT_FOUND;
            case UNAUTHENTICATED -> CallStatus.UNAUTHENTICATED;
            case FORBIDDEN, ENDPOINT_NOT_ALLOWED -> CallStatus.UNAUTHORIZED;
            case DEADLINE_EXCEEDED -> CallStatus.TIMED_OUT;
            case CANCELLED -> CallStatus.CANCELLED;
            case SERVICE_UNAVAILABLE, REMOTE_FAILED, RESOURCE_EXHAUSTED -> CallStatus.UNAVAILABLE;
            case INTERNAL_ERROR -> CallStatus.INTERNAL;
        };
    }
}
