package io.puffindb.web.flightsql;

import io.puffindb.executors.ArrowValues;
import java.util.List;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A result schema with Flight SQL's column metadata on each field: DuckDB's type name and, for a
 * DECIMAL, its precision and scale, which JDBC clients report (without it the JDBC driver says DECIMAL(0,0)).
 */
final class ColumnMetadata {
    private ColumnMetadata() {
    }

    static Schema annotate(Schema schema) {
        List<Field> fields = schema.getFields().stream().map(ColumnMetadata::annotate).toList();
        return new Schema(fields, schema.getCustomMetadata());
    }

    private static Field annotate(Field field) {
        FlightSqlColumnMetadata.Builder metadata = new FlightSqlColumnMetadata.Builder().typeName(ArrowValues.sqlTypeName(field)).isReadOnly(true);
        if (field.getType() instanceof ArrowType.Decimal decimal) {
            metadata.precision(decimal.getPrecision()).scale(decimal.getScale());
        }
        FieldType type = new FieldType(field.isNullable(), field.getType(), field.getDictionary(), metadata.build().getMetadataMap());
        return new Field(field.getName(), type, field.getChildren());
    }
}
