package io.puffindb.executors;

import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Reads Arrow values as Java values and names Arrow types the way DuckDB names them. */
public final class ArrowValues {
    private ArrowValues() {
    }

    /**
     * The value at a row: null for NULL, BigDecimal for DECIMAL (exact), LocalDate for DATE, String for
     * text, and Arrow's own object for the rest (Long, Integer, Double, Boolean, LocalDateTime, ...).
     */
    public static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof DecimalVector decimals) {
            return decimals.getObject(row);
        }
        if (vector instanceof DateDayVector dates) {
            return LocalDate.ofEpochDay(dates.get(row));
        }
        if (vector instanceof VarCharVector text) {
            return new String(text.get(row), java.nio.charset.StandardCharsets.UTF_8);
        }
        Object value = vector.getObject(row);
        return value instanceof org.apache.arrow.vector.util.Text text ? text.toString() : value;
    }

    /** The SQL type name of an Arrow field, as DuckDB would print it: BIGINT, DECIMAL(15,2), DATE, ... */
    public static String sqlTypeName(Field field) {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Int integer) {
            String name = switch (integer.getBitWidth()) {
                case 8 -> "TINYINT";
                case 16 -> "SMALLINT";
                case 32 -> "INTEGER";
                default -> "BIGINT";
            };
            return integer.getIsSigned() ? name : "U" + name;
        }
        if (type instanceof ArrowType.Decimal decimal) {
            return "DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        if (type instanceof ArrowType.FloatingPoint floating) {
            return floating.getPrecision() == FloatingPointPrecision.DOUBLE ? "DOUBLE" : "FLOAT";
        }
        if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.Utf8View) {
            return "VARCHAR";
        }
        if (type instanceof ArrowType.Bool) {
            return "BOOLEAN";
        }
        if (type instanceof ArrowType.Date date) {
            return date.getUnit() == DateUnit.DAY ? "DATE" : "TIMESTAMP";
        }
        if (type instanceof ArrowType.Timestamp timestamp) {
            String base = timestamp.getUnit() == TimeUnit.MICROSECOND ? "TIMESTAMP" : "TIMESTAMP_" + timestamp.getUnit();
            return timestamp.getTimezone() == null ? base : "TIMESTAMP WITH TIME ZONE";
        }
        if (type instanceof ArrowType.Time) {
            return "TIME";
        }
        if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
            return "BLOB";
        }
        if (type instanceof ArrowType.Interval) {
            return "INTERVAL";
        }
        return type.toString().toUpperCase(java.util.Locale.ROOT);
    }

}
