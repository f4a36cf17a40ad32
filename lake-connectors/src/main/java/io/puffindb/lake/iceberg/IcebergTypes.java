package io.puffindb.lake.iceberg;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Iceberg's primitive types and DuckDB's, both ways, and Iceberg's binary bounds as DuckDB's text. */
final class IcebergTypes {
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private IcebergTypes() {
    }

    static String toDuckDb(Type type, String column) {
        return switch (type.typeId()) {
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> {
                Types.DecimalType decimal = (Types.DecimalType) type;
                yield "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
            }
            case DATE -> "DATE";
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
            case STRING -> "VARCHAR";
            case BINARY, FIXED -> "BLOB";
            case UUID -> "UUID";
            default -> throw new PuffinException(ErrorCode.UNSUPPORTED_TYPE, "Column " + column + " has Iceberg type " + type + ", which PuffinDB does not read yet");
        };
    }

    static Type fromDuckDb(String duckDbType, String column) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return Types.DecimalType.of(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (type) {
            case "BOOLEAN" -> Types.BooleanType.get();
            case "TINYINT", "SMALLINT", "INTEGER" -> Types.IntegerType.get();
            case "BIGINT" -> Types.LongType.get();
            case "FLOAT" -> Types.FloatType.get();
            case "DOUBLE" -> Types.DoubleType.get();
            case "DATE" -> Types.DateType.get();
            case "TIMESTAMP" -> Types.TimestampType.withoutZone();
            case "TIMESTAMP WITH TIME ZONE" -> Types.TimestampType.withZone();
            case "VARCHAR" -> Types.StringType.get();
            case "BLOB" -> Types.BinaryType.get();
            case "UUID" -> Types.UUIDType.get();
            default -> throw new PuffinException(ErrorCode.UNSUPPORTED_TYPE, "Column " + column + " has type " + duckDbType + ", which has no Iceberg type here");
        };
    }

    /** A bound as DuckDB prints the value, for the kinds of columns pruning compares; empty for others. */
    static Optional<String> boundText(Type type, ByteBuffer bound) {
        if (bound == null) {
            return Optional.empty();
        }
        Object value = Conversions.fromByteBuffer(type, bound);
        return switch (type.typeId()) {
            case INTEGER, LONG -> Optional.of(value.toString());
            case DECIMAL -> Optional.of(((BigDecimal) value).toPlainString());
            case DATE -> Optional.of(LocalDate.ofEpochDay((Integer) value).toString());
            case STRING -> Optional.of(value.toString());
            default -> Optional.empty();
        };
    }

    /** A DuckDB text value as an Iceberg bound, for the kinds {@link #boundText} reads back. */
    static Optional<ByteBuffer> bound(Type type, String text) {
        Object value = switch (type.typeId()) {
            case INTEGER -> Integer.valueOf(text);
            case LONG -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text).setScale(((Types.DecimalType) type).scale());
            case DATE -> (int) LocalDate.parse(text).toEpochDay();
            case STRING -> text;
            default -> null;
        };
        return value == null ? Optional.empty() : Optional.of(Conversions.toByteBuffer(type, value));
    }
}
