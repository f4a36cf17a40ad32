package io.puffindb.web.flightsql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Sends metadata rows (each a map from the Flight SQL schema's field names to values; a missing one is
 * NULL) as one batch of that schema: the catalogs, schemas, tables and types Flight SQL defines.
 */
final class MetadataRows {
    private MetadataRows() {
    }

    static void send(BufferAllocator allocator, Schema schema, List<Map<String, Object>> rows, ServerStreamListener listener) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.allocateNew();
            for (int row = 0; row < rows.size(); row++) {
                for (FieldVector vector : root.getFieldVectors()) {
                    set(vector, row, rows.get(row).get(vector.getName()));
                }
            }
            root.setRowCount(rows.size());
            listener.start(root);
            listener.putNext();
            listener.completed();
        }
    }

    private static void set(FieldVector vector, int row, Object value) {
        if (value == null) {
            vector.setNull(row);
        } else if (vector instanceof VarCharVector text) {
            text.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof VarBinaryVector bytes) {
            bytes.setSafe(row, (byte[]) value);
        } else if (vector instanceof IntVector integer) {
            integer.setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof BitVector bit) {
            bit.setSafe(row, (Boolean) value ? 1 : 0);
        } else {
            throw new IllegalArgumentException("No metadata value of " + vector.getField() + " is written here");
        }
    }
}
