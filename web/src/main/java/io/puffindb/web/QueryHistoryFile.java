package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The history kept in a DuckDB file ({@code --query-history-file}), so it outlives a restart and the
 * operator can query it with DuckDB itself: one row per ended query in the table {@value #TABLE}.
 */
final class QueryHistoryFile implements AutoCloseable {
    static final String TABLE = "puffindb_queries";

    private final Connection duckdb;

    private QueryHistoryFile(Connection duckdb) {
        this.duckdb = requireNonNull(duckdb, "duckdb is null");
    }

    /** Opens the file (created when missing) and the table in it. */
    static QueryHistoryFile open(Path file) {
        try {
            Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (query_id VARCHAR, state VARCHAR, sql VARCHAR, user_name VARCHAR,"
                        + " start TIMESTAMPTZ, duration_ms BIGINT, rows BIGINT, bytes_read BIGINT, bytes_exchanged BIGINT, plan_ms BIGINT,"
                        + " error_code VARCHAR, error_message VARCHAR)");
            }
            return new QueryHistoryFile(duckdb);
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Cannot keep the query history in " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void append(FinishedQuery query) throws SQLException {
        try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, query.queryId());
            insert.setString(2, query.state());
            insert.setString(3, query.sql());
            insert.setString(4, query.user());
            insert.setObject(5, OffsetDateTime.ofInstant(Instant.parse(query.start()), ZoneOffset.UTC));
            insert.setLong(6, query.durationMillis());
            insert.setLong(7, query.rows());
            insert.setLong(8, query.bytesRead());
            insert.setLong(9, query.bytesExchanged());
            insert.setObject(10, query.planMillis());
            insert.setString(11, query.failed() ? query.error().code() : null);
            insert.setString(12, query.failed() ? query.error().message() : null);
            insert.executeUpdate();
        }
    }

    /** The newest {@code limit} queries, newest first. */
    synchronized List<FinishedQuery> newest(int limit) throws SQLException {
        List<FinishedQuery> queries = new ArrayList<>();
        try (PreparedStatement select = duckdb.prepareStatement("SELECT * FROM " + TABLE + " ORDER BY start DESC LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String errorCode = rows.getString("error_code");
                    queries.add(new FinishedQuery(rows.getString("query_id"), rows.getString("state"), rows.getString("sql"), rows.getString("user_name"),
                            rows.getObject("start", OffsetDateTime.class).toInstant().toString(), rows.getLong("duration_ms"), rows.getLong("rows"),
                            rows.getLong("bytes_read"), rows.getLong("bytes_exchanged"), (Long) rows.getObject("plan_ms", Long.class),
                            errorCode == null ? null : new FinishedQuery.Error(errorCode, rows.getString("error_message"))));
                }
            }
        }
        return queries;
    }

    @Override
    public synchronized void close() throws SQLException {
        duckdb.close();
    }
}
