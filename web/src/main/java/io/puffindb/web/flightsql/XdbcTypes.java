package io.puffindb.web.flightsql;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL types our answers carry, as GetXdbcTypeInfo lists them (JDBC's {@code getTypeInfo}, ODBC's {@code SQLGetTypeInfo}). */
final class XdbcTypes {
    private record Type(String name, int jdbcType, Integer size, String prefix, String suffix, boolean caseSensitive, Integer maxScale) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("BOOLEAN", Types.BOOLEAN, 1, null, null, false, null),
            new Type("TINYINT", Types.TINYINT, 3, null, null, false, null),
            new Type("SMALLINT", Types.SMALLINT, 5, null, null, false, null),
            new Type("INTEGER", Types.INTEGER, 10, null, null, false, null),
            new Type("BIGINT", Types.BIGINT, 19, null, null, false, null),
            new Type("FLOAT", Types.REAL, 7, null, null, false, null),
            new Type("DOUBLE", Types.DOUBLE, 15, null, null, false, null),
            new Type("DECIMAL", Types.DECIMAL, 38, null, null, false, 38),
            new Type("VARCHAR", Types.VARCHAR, null, "'", "'", true, null),
            new Type("BLOB", Types.VARBINARY, null, "'", "'::BLOB", false, null),
            new Type("DATE", Types.DATE, 10, "DATE '", "'", false, null),
            new Type("TIME", Types.TIME, 15, "TIME '", "'", false, null),
            new Type("TIMESTAMP", Types.TIMESTAMP, 26, "TIMESTAMP '", "'", false, null));

    private XdbcTypes() {
    }

    /** The rows of every type, or of the one JDBC type asked for. */
    static List<Map<String, Object>> rows(Integer jdbcType) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Type type : TYPES) {
            if (jdbcType != null && type.jdbcType() != jdbcType) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("type_name", type.name());
            row.put("data_type", type.jdbcType());
            row.put("column_size", type.size());
            row.put("literal_prefix", type.prefix());
            row.put("literal_suffix", type.suffix());
            row.put("nullable", java.sql.DatabaseMetaData.typeNullable);
            row.put("case_sensitive", type.caseSensitive());
            row.put("searchable", java.sql.DatabaseMetaData.typeSearchable);
            row.put("unsigned_attribute", false);
            row.put("fixed_prec_scale", type.jdbcType() == Types.DECIMAL);
            row.put("auto_increment", false);
            row.put("local_type_name", type.name());
            row.put("minimum_scale", type.maxScale() == null ? null : 0);
            row.put("maximum_scale", type.maxScale());
            row.put("sql_data_type", type.jdbcType());
            row.put("num_prec_radix", type.size() == null || type.prefix() != null ? null : 10);
            rows.add(row);
        }
        return rows;
    }
}
