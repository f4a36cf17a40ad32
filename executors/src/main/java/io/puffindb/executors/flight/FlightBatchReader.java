package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/** One Flight stream as an {@link ArrowReader}, so DuckDB can scan it; batches move without copies. */
public final class FlightBatchReader extends ArrowReader {
    private final FlightStream stream;
    private long bytes;

    public FlightBatchReader(BufferAllocator allocator, FlightStream stream) {
        super(allocator);
        this.stream = requireNonNull(stream, "stream is null");
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (!stream.next()) {
            return false;
        }
        try (ArrowRecordBatch batch = new VectorUnloader(stream.getRoot()).getRecordBatch()) {
            bytes += batch.computeBodyLength();
            loadRecordBatch(batch);
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    protected void closeReadSource() throws IOException {
        try {
            stream.close();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    protected Schema readSchema() {
        return stream.getSchema();
    }
}
