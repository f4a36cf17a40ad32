package io.puffindb.testqueries;

import io.puffindb.executors.ArrowValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;

/** A whole query result in memory, typed: column names, DuckDB type names and rows of Java values. */
public record ResultTable(List<String> names, List<String> types, List<List<Object>> rows) {
    public ResultTable {
        names = List.copyOf(names);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    /** Reads every batch of an Arrow stream. */
    public static ResultTable read(ArrowReader reader) throws IOException {
        VectorSchemaRoot batch = reader.getVectorSchemaRoot();
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Field field : batch.getSchema().getFields()) {
            names.add(field.getName());
            types.add(ArrowValues.sqlTypeName(field));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (reader.loadNextBatch()) {
            for (int row = 0; row < batch.getRowCount(); row++) {
                List<Object> values = new ArrayList<>(names.size());
                for (FieldVector vector : batch.getFieldVectors()) {
                    values.add(ArrowValues.value(vector, row));
                }
                rows.add(java.util.Collections.unmodifiableList(values));
            }
        }
        return new ResultTable(names, types, rows);
    }
}
