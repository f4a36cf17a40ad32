package io.puffindb.testqueries;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** A JDBC result read whole as a {@link ResultTable}: DuckDB's type names from JDBC's types, values as the oracle's Arrow reader gives them. */
final class JdbcResults {
    private JdbcResults() {
    }

    static ResultTable read(ResultSet results) throws SQLException {
        ResultSetMetaData columns = results.getMetaData();
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(columns.getColumnLabel(i));
            types.add(typeName(columns, i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (results.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                Object value = value(results, columns.getColumnType(i), i);
                row.add(results.wasNull() ? null : value);
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new ResultTable(names, types, rows);
    }

    private static Object value(ResultSet results, int type, int column) throws SQLException {
        return switch (type) {
            case Types.DECIMAL, Types.NUMERIC -> results.getBigDecimal(column);
            case Types.DATE -> {
                java.sql.Date date = results.getDate(column);
                yield date == null ? null : date.toLocalDate();
            }
            case Types.TIMESTAMP -> {
                java.sql.Timestamp timestamp = results.getTimestamp(column);
                yield timestamp == null ? null : timestamp.toLocalDateTime();
            }
            case Types.BIGINT -> results.getLong(column);
            case Types.INTEGER -> results.getInt(column);
            case Types.SMALLINT -> results.getShort(column);
            case Types.TINYINT -> results.getByte(column);
            case Types.DOUBLE, Types.FLOAT -> results.getDouble(column);
            case Types.REAL -> results.getFloat(column);
            case Types.BOOLEAN, Types.BIT -> results.getBoolean(column);
            default -> results.getString(column);
        };
    }

    // The name DuckDB prints for the column's type, as ArrowValues names the oracle's Arrow fields.
    private static String typeName(ResultSetMetaData columns, int i) throws SQLException {
        return switch (columns.getColumnType(i)) {
            case Types.DECIMAL, Types.NUMERIC -> "DECIMAL(" + columns.getPrecision(i) + "," + columns.getScale(i) + ")";
            case Types.BIGINT -> "BIGINT";
            case Types.INTEGER -> "INTEGER";
            case Types.SMALLINT -> "SMALLINT";
            case Types.TINYINT -> "TINYINT";
            case Types.DOUBLE, Types.FLOAT -> "DOUBLE";
            case Types.REAL -> "FLOAT";
            case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
            case Types.DATE -> "DATE";
            case Types.TIMESTAMP -> "TIMESTAMP";
            case Types.VARCHAR, Types.LONGVARCHAR -> "VARCHAR";
            default -> columns.getColumnTypeName(i);
        };
    }
}
