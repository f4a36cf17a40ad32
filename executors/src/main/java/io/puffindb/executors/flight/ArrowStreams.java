package io.puffindb.executors.flight;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;

/**
 * The Arrow streams registered in one DuckDB connection as tables (through the C data interface,
 * no copies); closing releases the exported structs and their readers.
 */
public final class ArrowStreams implements AutoCloseable {
    private final List<AutoCloseable> resources = new ArrayList<>();

    public void register(DuckDBConnection connection, String name, ArrowReader reader, BufferAllocator allocator) {
        resources.add(reader);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
        resources.add(stream);
        Data.exportArrayStream(allocator, reader, stream);
        connection.registerArrowStream(name, stream);
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        resources.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
