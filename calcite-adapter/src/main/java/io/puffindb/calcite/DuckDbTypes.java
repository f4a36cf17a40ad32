package io.puffindb.calcite;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.PuffinException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps DuckDB's type names (as the files' metadata states them) to Calcite's exact SQL types, nested
 * ones included: {@code INTEGER[]} is an ARRAY, {@code STRUCT(a INTEGER, b VARCHAR)} a ROW,
 * {@code MAP(VARCHAR, INTEGER)} a MAP, their parts nullable as DuckDB's are.
 */
public final class DuckDbTypes {
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");
    private static final Pattern NESTED = Pattern.compile("(?i)(STRUCT|MAP)\\s*\\((.*)\\)", Pattern.DOTALL);

    private DuckDbTypes() {
    }

    /** The Calcite type of a column; every lake column is nullable, as files do not promise otherwise. */
    public static RelDataType toRelType(RelDataTypeFactory typeFactory, String table, LakeColumn column) {
        RelDataType type = fromDuckDbName(typeFactory, column.duckDbType()).orElseThrow(() -> new PuffinException(ErrorCode.UNSUPPORTED_TYPE,
                format("Column '%s' of table '%s' has type %s, which PuffinDB does not support yet", column.name(), table, column.duckDbType())));
        return typeFactory.createTypeWithNullability(type, true);
    }

    /**
     * The Calcite type of a DuckDB type name ({@code DECIMAL(15,2)}, {@code VARCHAR}, {@code INTEGER[]}...),
     * or empty for the types PuffinDB cannot carry yet (unsigned integers, INTERVAL, UNION, fixed-size
     * ARRAY...). A HUGEINT is a DECIMAL(38,0), as Arrow carries it.
     */
    public static Optional<RelDataType> fromDuckDbName(RelDataTypeFactory typeFactory, String duckDbName) {
        String trimmed = duckDbName.trim();
        if (trimmed.endsWith("[]")) {
            return fromDuckDbName(typeFactory, trimmed.substring(0, trimmed.length() - 2))
                    .map(element -> typeFactory.createArrayType(nullable(typeFactory, element), -1));
        }
        Matcher nested = NESTED.matcher(trimmed);
        if (nested.matches()) {
            List<String> parts = DuckDbTypeText.topLevelParts(nested.group(2));
            return nested.group(1).equalsIgnoreCase("MAP") ? map(typeFactory, parts) : struct(typeFactory, parts);
        }
        String duckDbType = trimmed.toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(duckDbType);
        if (decimal.matches()) {
            return Optional.of(typeFactory.createSqlType(SqlTypeName.DECIMAL, Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2))));
        }
        return Optional.ofNullable(switch (duckDbType) {
            case "BOOLEAN" -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case "TINYINT" -> typeFactory.createSqlType(SqlTypeName.TINYINT);
            case "SMALLINT" -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
            case "INTEGER" -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case "BIGINT" -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case "HUGEINT" -> typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, 0);
            case "FLOAT" -> typeFactory.createSqlType(SqlTypeName.REAL);
            case "DOUBLE" -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case "VARCHAR" -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case "BLOB" -> typeFactory.createSqlType(SqlTypeName.VARBINARY);
            case "DATE" -> typeFactory.createSqlType(SqlTypeName.DATE);
            case "TIME" -> typeFactory.createSqlType(SqlTypeName.TIME);
            case "TIMESTAMP" -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 6);
            case "TIMESTAMP WITH TIME ZONE" -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
            default -> null;
        });
    }

    private static Optional<RelDataType> map(RelDataTypeFactory typeFactory, List<String> parts) {
        if (parts.size() != 2) {
            return Optional.empty();
        }
        Optional<RelDataType> key = fromDuckDbName(typeFactory, parts.get(0));
        Optional<RelDataType> value = fromDuckDbName(typeFactory, parts.get(1));
        return key.isEmpty() || value.isEmpty() ? Optional.empty() : Optional.of(typeFactory.createMapType(key.get(), nullable(typeFactory, value.get())));
    }

    private static Optional<RelDataType> struct(RelDataTypeFactory typeFactory, List<String> parts) {
        RelDataTypeFactory.Builder fields = typeFactory.builder();
        for (String part : parts) {
            DuckDbTypeText.NamedType field = DuckDbTypeText.namedType(part);
            Optional<RelDataType> type = fromDuckDbName(typeFactory, field.type());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            fields.add(field.name(), nullable(typeFactory, type.get()));
        }
        return Optional.of(fields.build());
    }

    /** A struct field's name as DuckDB writes it inside a type name. */
    public static String toDuckDbFieldName(String name) {
        return DuckDbTypeText.fieldName(name);
    }

    private static RelDataType nullable(RelDataTypeFactory typeFactory, RelDataType type) {
        return typeFactory.createTypeWithNullability(type, true);
    }

    /** The DuckDB name of a Calcite type {@link #fromDuckDbName} gives, for a stream whose rows are typed by a plan. */
    public static String toDuckDbName(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case ARRAY -> toDuckDbName(type.getComponentType()) + "[]";
            case MAP -> format("MAP(%s, %s)", toDuckDbName(type.getKeyType()), toDuckDbName(type.getValueType()));
            case ROW -> type.getFieldList().stream().map(field -> toDuckDbFieldName(field.getName()) + " " + toDuckDbName(field.getType()))
                    .collect(Collectors.joining(", ", "STRUCT(", ")"));
            case DECIMAL -> format("DECIMAL(%d,%d)", type.getPrecision(), type.getScale());
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DOUBLE, DATE, TIME -> type.getSqlTypeName().getName();
            case REAL, FLOAT -> "FLOAT";
            case CHAR, VARCHAR -> "VARCHAR";
            case BINARY, VARBINARY -> "BLOB";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
            default -> throw new PuffinException(ErrorCode.UNSUPPORTED_TYPE, format("Type %s has no DuckDB counterpart here", type));
        };
    }
}
