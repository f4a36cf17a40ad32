package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --query-history-file}: the history outlives a restart, newest first, and is a table DuckDB itself reads. */
class QueryHistoryFileTest {
    @TempDir
    Path folder;

    static final FinishedQuery FIRST = new FinishedQuery("q1", FinishedQuery.FINISHED, "select 1", "alice", "2026-12-07T10:00:00.123Z", 12, 1, 0, 0, 3L, null);
    static final FinishedQuery SECOND = new FinishedQuery("q2", FinishedQuery.FAILED, "select from where", "bob", "2026-12-07T10:00:01Z", 2, 0, 0, 0, null,
            new FinishedQuery.Error("PARSE_ERROR", "Incorrect syntax near the keyword 'from' at line 1, column 8"));
    static final FinishedQuery THIRD = new FinishedQuery("q3", FinishedQuery.FINISHED, "select 3", "alice", "2026-12-07T10:00:02Z", 5, 1, 4096, 512, 1L, null);

    @Test
    void aRestartedServiceListsTheQueriesItsPredecessorRanNewestFirst() throws Exception {
        Path file = folder.resolve("history.duckdb");
        try (QueryHistory history = new QueryHistory(10, Optional.of(QueryHistoryFile.open(file)))) {
            history.add(FIRST);
            history.add(SECOND);
            history.add(THIRD);
        }
        try (QueryHistory restarted = new QueryHistory(2, Optional.of(QueryHistoryFile.open(file)))) {
            assertEquals(List.of(THIRD, SECOND), restarted.newest(Caller.LOCAL, false, 10), "the bound holds the newest two");
            assertEquals(List.of(SECOND), restarted.newest(Caller.LOCAL, true, 10));
        }
    }

    @Test
    void theOperatorQueriesTheFileWithDuckDb() throws Exception {
        Path file = folder.resolve("history.duckdb");
        try (QueryHistory history = new QueryHistory(10, Optional.of(QueryHistoryFile.open(file)))) {
            history.add(FIRST);
            history.add(SECOND);
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + file); Statement statement = duckdb.createStatement();
                ResultSet failed = statement.executeQuery("select user_name, error_code, epoch_ms(start) from " + QueryHistoryFile.TABLE
                        + " where state = 'FAILED'")) {
            failed.next();
            assertEquals("bob", failed.getString(1));
            assertEquals("PARSE_ERROR", failed.getString(2));
            assertEquals(java.time.Instant.parse(SECOND.start()).toEpochMilli(), failed.getLong(3));
        }
    }
}
