package io.puffindb.executors.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.arrow.c.jni.CDataJniException;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;

/** A task's failure typed in its engine, from DuckDB's own error, as a worker sends it over Flight. */
class EngineFailuresTest {
    @Test
    void aStreamedQueryFailingBeforeItsFirstBatchGetsDuckDbsErrorBackAndIsTheCallers() throws Exception {
        Properties streaming = new Properties();
        streaming.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        String sql = "select cast('x' || i as integer) from range(3) t(i)";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", streaming)) {
            SQLException lost;
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery(sql).close();
                throw new AssertionError("the cast should fail");
            } catch (SQLException e) {
                lost = e;
            }
            assertEquals(StreamedQueryErrors.LOST, lost.getMessage(), "duckdb_jdbc still hides the error; if not, StreamedQueryErrors can go");
            SQLException duckDb = StreamedQueryErrors.recover(lost, connection, sql);
            PuffinException typed = EngineFailures.of("f1-t0", duckDb);
            assertEquals(ErrorCode.QUERY_FAILED, typed.code());
            assertTrue(typed.getMessage().contains("Conversion Error: Could not convert string 'x0' to INT32"), typed.getMessage());
        }
    }

    @Test
    void aStreamFailingMidWayGivesDuckDbsMessage() {
        IOException midway = new IOException("[errno -1] stream failed",
                new CDataJniException(-1, "Invalid Input Error: Division by zero in expression (x % 0)"));
        PuffinException typed = EngineFailures.of("f1-t1", StreamedQueryErrors.of(midway).orElseThrow());
        assertEquals(ErrorCode.QUERY_FAILED, typed.code());
        assertTrue(typed.getMessage().endsWith("Invalid Input Error: Division by zero in expression (x % 0)"), typed.getMessage());
    }

    @Test
    void anOutputOverTheSpillBudgetIsAResourceErrorAndAnythingElseOurs() {
        assertEquals(ErrorCode.RESOURCE_EXHAUSTED, EngineFailures.of("f1-t2", new IOException(new SpillBudget.TaskOutputTooLarge(4096))).code());
        assertEquals(ErrorCode.RESOURCE_EXHAUSTED, EngineFailures.of("f1-t3",
                new SQLException("Out of Memory Error: could not allocate block of size 256.0 KiB")).code());
        assertEquals(ErrorCode.INTERNAL_ERROR, EngineFailures.of("f1-t4", new SQLException("Binder Error: Referenced column \"y\" not found")).code());
        assertEquals(ErrorCode.INTERNAL_ERROR, EngineFailures.of("f1-t5", new IllegalStateException("a bug")).code());
    }
}
