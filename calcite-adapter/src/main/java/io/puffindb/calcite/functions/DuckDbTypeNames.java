package io.puffindb.calcite.functions;

import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;

/** DuckDB's name of a Calcite type, to declare a value of that type in SQL DuckDB binds. */
final class DuckDbTypeNames {
    private DuckDbTypeNames() {
    }

    /** DuckDB's type name, {@code NULL} for the type of an untyped NULL, or empty where DuckDB has no such type here. */
    static Optional<String> of(RelDataType type) {
        return Optional.ofNullable(switch (type.getSqlTypeName()) {
            case NULL, UNKNOWN -> "NULL";
            case BOOLEAN -> "BOOLEAN";
            case TINYINT -> "TINYINT";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + type.getPrecision() + "," + type.getScale() + ")";
            case REAL -> "FLOAT";
            case FLOAT, DOUBLE -> "DOUBLE";
            case CHAR, VARCHAR -> "VARCHAR";
            case BINARY, VARBINARY -> "BLOB";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE,
                 INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE,
                 INTERVAL_MINUTE_SECOND, INTERVAL_SECOND -> "INTERVAL";
            case ARRAY -> type.getComponentType() == null ? null : of(type.getComponentType()).map(element -> element + "[]").orElse(null);
            default -> null;
        });
    }
}
