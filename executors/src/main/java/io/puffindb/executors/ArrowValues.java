package io.puffindb.executors;

import io.puffindb.calcite.DuckDbTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
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
     * text, a List for a LIST, a Map for a STRUCT (by field name, in order) or a MAP, their parts read
     * alike, and Arrow's own object for the rest (Long, Integer, Double, Boolean, LocalDateTime, ...).
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
        if (vector instanceof MapVector map) {
            return entries(map, row);
        }
        if (vector instanceof ListVector list) {
            List<Object> items = new ArrayList<>();
            for (int i = list.getElementStartIndex(row); i < list.getElementEndIndex(row); i++) {
                items.add(value(list.getDataVector(), i));
            }
            return items;
        }
        if (vector instanceof StructVector struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (FieldVector field : struct.getChildrenFromFields()) {
                fields.put(field.getName(), value(field, row));
            }
            return fields;
        }
        Object value = vector.getObject(row);
        return value instanceof org.apache.arrow.vector.util.Text text ? text.toString() : value;
    }

    // A MAP's entries are a list of (key, value) structs.
    private static Map<Object, Object> entries(MapVector map, int row) {
        StructVector entries = (StructVector) map.getDataVector();
        FieldVector keys = entries.getChildrenFromFields().get(0);
        FieldVector values = entries.getChildrenFromFields().get(1);
        Map<Object, Object> pairs = new LinkedHashMap<>();
        for (int i = map.getElementStartIndex(row); i < map.getElementEndIndex(row); i++) {
            pairs.put(value(keys, i), value(values, i));
        }
        return pairs;
    }

    /** The SQL type name of an Arrow field, as DuckDB would print it: BIGINT, DECIMAL(15,2), DATE, INTEGER[], ... */
    public static String sqlTypeName(Field field) {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Map) {
            List<Field> entry = field.getChildren().get(0).getChildren();
            return "MAP(" + sqlTypeName(entry.get(0)) + ", " + sqlTypeName(entry.get(1)) + ")";
        }
        if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList) {
            return sqlTypeName(field.getChildren().get(0)) + "[]";
        }
        if (type instanceof ArrowType.Struct) {
            return field.getChildren().stream().map(child -> DuckDbTypes.toDuckDbFieldName(child.getName()) + " " + sqlTypeName(child))
                    .collect(Collectors.joining(", ", "STRUCT(", ")"));
        }
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
