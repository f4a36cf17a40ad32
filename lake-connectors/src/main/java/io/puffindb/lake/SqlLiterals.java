package io.puffindb.lake;

import java.util.List;
import java.util.stream.Collectors;

/** DuckDB SQL literals for values we put into generated SQL (paths, names): always quoted, never pasted. */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A DuckDB list of strings, e.g. {@code ['a.parquet', 'b.parquet']}. */
    public static String stringList(List<String> values) {
        return values.stream().map(SqlLiterals::string).collect(Collectors.joining(", ", "[", "]"));
    }
}
