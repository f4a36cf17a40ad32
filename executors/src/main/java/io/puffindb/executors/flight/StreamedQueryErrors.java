package io.puffindb.executors.flight;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.apache.arrow.c.jni.CDataJniException;

/**
 * DuckDB's own error for a task's query, which the streaming path hides, so that the engine can type
 * it ({@link EngineFailures}) and the user reads DuckDB's message. Two ways it is hidden (duckdb_jdbc 2.0):
 * a query that fails before its first batch answers only {@value #LOST}, whatever went wrong (a bad
 * cast, or memory); one that fails later arrives as an IOException of the Arrow C stream, with DuckDB's
 * message inside the text of a {@link CDataJniException}.
 */
public final class StreamedQueryErrors {
    static final String LOST = "Invalid Input Error: Invalid result set";
    private static final String JNI_MESSAGE = "message=";

    private StreamedQueryErrors() {
    }

    /**
     * DuckDB's error of {@code sql} when the driver lost it ({@code failure} otherwise): the query is run
     * once more, into a table that is not streamed, which stops at the same error. If that run succeeds,
     * the first failure was no error in the query: it is reported as ours (and so retried elsewhere).
     */
    public static SQLException recover(SQLException failure, Connection connection, String sql) {
        if (!LOST.equals(failure.getMessage())) {
            return failure;
        }
        try (Statement rerun = connection.createStatement()) {
            rerun.execute("CREATE TEMP TABLE puffindb_failed_task AS " + sql);
            rerun.execute("DROP TABLE puffindb_failed_task");
            return new SQLException("The task's query failed without an error from DuckDB, and succeeded when run again", failure);
        } catch (SQLException duckDb) {
            // DuckDB points at the re-run's text (LINE 1: CREATE TEMP TABLE ...), which is ours, not the caller's.
            String message = String.valueOf(duckDb.getMessage());
            int pointer = message.indexOf("\n\nLINE ");
            return pointer < 0 ? duckDb : new SQLException(message.substring(0, pointer), duckDb.getSQLState(), duckDb);
        }
    }

    /** DuckDB's error inside a failed Arrow stream's exception, if that is what it is. */
    static Optional<SQLException> of(IOException failure) {
        if (!(failure.getCause() instanceof CDataJniException jni)) {
            return Optional.empty();
        }
        String text = jni.getMessage();
        int start = text.indexOf(JNI_MESSAGE);
        String message = start < 0 ? text : text.substring(start + JNI_MESSAGE.length(), text.endsWith("}") ? text.length() - 1 : text.length());
        return Optional.of(new SQLException(message, failure));
    }
}
