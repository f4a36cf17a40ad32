package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LogicalPlan;

/** A query after planning: its logical plan, the DuckDB SQL rendered from it, and the time planning took. */
public record PreparedQuery(String sql, LogicalPlan plan, String duckDbSql, long planMillis) {
    public PreparedQuery {
        requireNonNull(sql, "sql is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(duckDbSql, "duckDbSql is null");
    }
}
