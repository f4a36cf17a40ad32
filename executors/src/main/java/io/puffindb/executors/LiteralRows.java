package io.puffindb.executors;

import static java.util.stream.Collectors.joining;

import io.puffindb.lake.SqlLiterals;
import java.util.List;

/**
 * A query over literal rows, each column cast to its DuckDB type: how a statement that answers from the
 * catalog or the planner (SHOW TABLES, DESCRIBE, EXPLAIN) is run, so its answer travels as any query's does.
 * A value is SQL literal text (or {@code NULL}); the rows come in the order given.
 */
record LiteralRows(List<Column> columns, List<List<String>> rows) {
    /** A column of the answer: its name and DuckDB type. */
    record Column(String name, String duckDbType) {
    }

    LiteralRows {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** A string as SQL literal text, NULL for null. */
    static String text(String value) {
        return value == null ? "NULL" : SqlLiterals.string(value);
    }

    String query() {
        String select = columns.stream()
                .map(column -> "CAST(" + SqlLiterals.identifier(column.name()) + " AS " + column.duckDbType() + ") AS " + SqlLiterals.identifier(column.name()))
                .collect(joining(", "));
        String names = columns.stream().map(column -> SqlLiterals.identifier(column.name())).collect(joining(", "));
        // VALUES needs a row: an empty answer is a row of NULLs filtered out.
        List<List<String>> values = rows.isEmpty() ? List.of(columns.stream().map(column -> "NULL").toList()) : rows;
        String tuples = values.stream().map(row -> row.stream().collect(joining(", ", "(", ")"))).collect(joining(", "));
        String filter = rows.isEmpty() ? " WHERE FALSE" : "";
        return "SELECT " + select + " FROM (VALUES " + tuples + ") AS answer (" + names + ")" + filter;
    }
}
