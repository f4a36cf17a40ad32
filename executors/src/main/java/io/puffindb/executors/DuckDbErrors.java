package io.puffindb.executors;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.sql.SQLException;
import java.util.List;

/**
 * Sorts DuckDB's failures: errors in the data or the query's own arithmetic (conversion, overflow,
 * invalid input) are the caller's; anything else — a binder error in SQL we generated from a plan
 * Calcite validated, say — is ours.
 */
final class DuckDbErrors {
    private static final List<String> CALLER_ERRORS = List.of(
            "Conversion Error", "Out of Range Error", "Invalid Input Error", "Constraint Error");

    private DuckDbErrors() {
    }

    static PuffinException fromDuckDb(SQLException e, String what) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("INTERRUPT") || message.contains("Interrupted")) {
            return new PuffinException(ErrorCode.CANCELLED, format("%s was cancelled", what), e);
        }
        boolean callers = CALLER_ERRORS.stream().anyMatch(message::contains);
        return new PuffinException(callers ? ErrorCode.QUERY_FAILED : ErrorCode.INTERNAL_ERROR, format("%s failed: %s", what, message), e);
    }
}
