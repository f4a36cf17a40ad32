package io.puffindb.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.ArrowValues;
import io.puffindb.executors.RunningQuery;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Streams a result as {@code {"columns":[...],"rows":[[...]],"stats":{...}}}, batch by batch.
 * DECIMAL stays exact (a JSON number with all its digits), DATE and TIMESTAMP are ISO text. A
 * failure after the first rows went out ends the answer with an {@code "error"} member, so the
 * JSON stays whole and says the rows are incomplete.
 */
final class JsonResultWriter {
    private JsonResultWriter() {
    }

    /** Writes the batch already loaded in {@code query} and all that follow. */
    static void write(ObjectMapper json, RunningQuery query, boolean firstBatchLoaded, long startNanos, OutputStream out)
            throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            VectorSchemaRoot batch = query.batch();
            generator.writeStartObject();
            writeColumns(generator, batch.getSchema().getFields());
            generator.writeArrayFieldStart("rows");
            long rows = 0;
            PuffinException failure = null;
            boolean loaded = firstBatchLoaded;
            while (loaded) {
                List<FieldVector> vectors = batch.getFieldVectors();
                for (int row = 0; row < batch.getRowCount(); row++) {
                    generator.writeStartArray();
                    for (FieldVector vector : vectors) {
                        writeValue(generator, ArrowValues.value(vector, row));
                    }
                    generator.writeEndArray();
                }
                rows += batch.getRowCount();
                try {
                    loaded = query.nextBatch();
                } catch (PuffinException e) {
                    failure = e; // the status line is gone already: the answer ends with the error instead
                    loaded = false;
                }
            }
            generator.writeEndArray();
            if (failure != null) {
                generator.writeObjectFieldStart("error");
                generator.writeStringField("code", failure.code().name());
                generator.writeStringField("message", failure.getMessage());
                generator.writeEndObject();
            }
            generator.writeObjectFieldStart("stats");
            generator.writeNumberField("rows", rows);
            generator.writeNumberField("elapsedMs", (System.nanoTime() - startNanos) / 1_000_000);
            generator.writeNumberField("planMs", query.query().planMillis());
            generator.writeEndObject();
            generator.writeEndObject();
        }
    }

    private static void writeColumns(JsonGenerator generator, List<Field> fields) throws IOException {
        generator.writeArrayFieldStart("columns");
        for (Field field : fields) {
            generator.writeStartObject();
            generator.writeStringField("name", field.getName());
            generator.writeStringField("type", ArrowValues.sqlTypeName(field));
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal.toPlainString());
        } else if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
            generator.writeString(number.toString());
        } else if (value instanceof Float number && (number.isNaN() || number.isInfinite())) {
            generator.writeString(number.toString());
        } else if (value instanceof Number number) {
            generator.writeNumber(number.toString());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof LocalDate || value instanceof LocalDateTime) {
            generator.writeString(value.toString());
        } else if (value instanceof byte[] bytes) {
            generator.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof List<?> items) {
            // A LIST is a JSON array, a STRUCT or MAP an object (a MAP's keys as text), as DuckDB's to_json writes them.
            generator.writeStartArray();
            for (Object item : items) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Map<?, ?> fields) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                generator.writeFieldName(String.valueOf(field.getKey()));
                writeValue(generator, field.getValue());
            }
            generator.writeEndObject();
        } else {
            generator.writeString(value.toString());
        }
    }
}
