package io.puffindb.executors;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.sql.SQLException;
import java.util.List;

/**
 * Sorts DuckDB's failures: errors in the data or the query's own arithmetic (conversion, overflow,
 * invalid input) are the caller's; running out of memory or disk is a resource error; anything else —
 * a binder error in SQL we generated from a plan Calcite validated, say — is ours.
 */
public final class DuckDbErrors {
    private static final List<String> CALLER_ERRORS = List.of(
            "Conversion Error", "Out of Range Error", "Invalid Input Error", "Constraint Error");
    private static final List<String> RESOURCE_ERRORS = List.of("Out of Memory Error", "could not allocate", "No space left on device");

    private DuckDbErrors() {
    }

    public static PuffinException fromDuckDb(SQLException e, String what) {
        return fromMessage(e.getMessage() == null ? e.toString() : e.getMessage(), what, e);
    }

    // DuckDB's JDBC driver gives its error type only as the message's first words ("Conversion Error: ...").
    private static PuffinException fromMessage(String message, String what, Throwable cause) {
        if (message.contains("INTERRUPT") || message.contains("Interrupted")) {
            return new PuffinException(ErrorCode.CANCELLED, format("%s was cancelled", what), cause);
        }
        if (RESOURCE_ERRORS.stream().anyMatch(message::contains)) {
            return new PuffinException(ErrorCode.RESOURCE_EXHAUSTED, format("%s ran out of resources: %s", what, message), cause);
        }
        boolean callers = CALLER_ERRORS.stream().anyMatch(message::contains);
        return new PuffinException(callers ? ErrorCode.QUERY_FAILED : ErrorCode.INTERNAL_ERROR, format("%s failed: %s", what, message), cause);
    }
}
