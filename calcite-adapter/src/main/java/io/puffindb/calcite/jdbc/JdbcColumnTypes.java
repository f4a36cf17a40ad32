package io.puffindb.calcite.jdbc;

import java.sql.Types;
import java.util.Optional;

/**
 * The DuckDB type a database column's values take in PuffinDB, from its JDBC type: the types Arrow's
 * JDBC reader and DuckDB carry alike. Character types of any length are VARCHAR, as in DuckDB; a
 * NUMERIC without a precision DuckDB can hold is a DOUBLE (as DuckDB's own PostgreSQL scanner reads it).
 */
final class JdbcColumnTypes {
    private static final int MAX_DECIMAL_PRECISION = 38;

    private JdbcColumnTypes() {
    }

    /** Empty for a type PuffinDB cannot carry from a database yet (arrays, JSON, intervals, UUIDs...). */
    static Optional<String> duckDbType(int jdbcType, int precision, int scale) {
        return Optional.ofNullable(switch (jdbcType) {
            case Types.BIT, Types.BOOLEAN -> "BOOLEAN";
            case Types.TINYINT, Types.SMALLINT -> "SMALLINT";
            case Types.INTEGER -> "INTEGER";
            case Types.BIGINT -> "BIGINT";
            case Types.REAL -> "FLOAT";
            case Types.FLOAT, Types.DOUBLE -> "DOUBLE";
            case Types.NUMERIC, Types.DECIMAL -> precision > 0 && precision <= MAX_DECIMAL_PRECISION && scale >= 0 && scale <= precision
                    ? "DECIMAL(" + precision + "," + scale + ")" : "DOUBLE";
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> "VARCHAR";
            case Types.DATE -> "DATE";
            case Types.TIMESTAMP -> "TIMESTAMP";
            default -> null;
        });
    }
}
