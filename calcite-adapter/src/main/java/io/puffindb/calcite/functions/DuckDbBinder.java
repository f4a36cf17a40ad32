package io.puffindb.calcite.functions;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks DuckDB what a call binds to: {@code SELECT <call> FROM (SELECT CAST(NULL AS <type>) AS a0, ...)}
 * is prepared (planned, never run) and its one column's type read, or DuckDB's error kept. DuckDB's
 * binder is the only exact account of its overloads, implicit casts and generic return types, so the
 * validator asks it instead of copying its rules. Answers are memoized by the probe's text: the same
 * DuckDB always binds the same text the same way.
 */
final class DuckDbBinder {
    /** More distinct call shapes than a deployment meets; past it the memo starts again. */
    private static final int MEMO_LIMIT = 50_000;

    /** A call's DuckDB result type, or why DuckDB refuses it (one of the two is null). */
    record Bound(String type, String error) {
        boolean ok() {
            return type != null;
        }
    }

    private final Connection connection; // guarded by itself: one statement is prepared at a time
    private final Map<String, Bound> memo = new ConcurrentHashMap<>();

    DuckDbBinder(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /**
     * @param call the call in DuckDB's SQL, its column arguments written {@code a0}, {@code a1}...
     * @param columnTypes DuckDB's type of each column argument, in order ({@code NULL} for an untyped NULL)
     */
    Bound bind(String call, List<String> columnTypes) {
        String sql = probe(call, columnTypes);
        Bound known = memo.get(sql);
        if (known != null) {
            return known;
        }
        Bound bound = prepare(sql);
        if (memo.size() > MEMO_LIMIT) {
            memo.clear();
        }
        memo.put(sql, bound);
        return bound;
    }

    private Bound prepare(String sql) {
        synchronized (connection) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return new Bound(statement.getMetaData().getColumnTypeName(1), null);
            } catch (SQLException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                return new Bound(null, message.lines().findFirst().orElse(message));
            }
        }
    }

    private static String probe(String call, List<String> columnTypes) {
        if (columnTypes.isEmpty()) {
            return "SELECT " + call;
        }
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < columnTypes.size(); i++) {
            String type = columnTypes.get(i);
            columns.append(i == 0 ? "" : ", ").append(type.equals("NULL") ? "NULL" : "CAST(NULL AS " + type + ")").append(" AS a").append(i);
        }
        return "SELECT " + call + " FROM (SELECT " + columns + ") AS probe";
    }
}
