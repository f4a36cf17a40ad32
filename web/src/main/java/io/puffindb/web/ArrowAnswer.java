package io.puffindb.web;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBResultSet;

/**
 * Writes an answer the client's own DuckDB computed as an Arrow IPC stream, taken from DuckDB's Arrow
 * export (the same stream the service sends for {@code --format arrow}).
 */
final class ArrowAnswer {
    private static final int BATCH_ROWS = 65_536;

    private ArrowAnswer() {
    }

    /** Writes every row of {@code result}; returns how many there were. */
    static int write(ResultSet result, OutputStream out) throws SQLException {
        try (BufferAllocator allocator = new RootAllocator();
                ArrowReader reader = (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS);
                ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null, out)) {
            writer.start();
            int rows = 0;
            while (reader.loadNextBatch()) {
                writer.writeBatch();
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            writer.end();
            out.flush();
            return rows;
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Cannot write the answer as Arrow: " + e.getMessage(), e);
        }
    }
}
