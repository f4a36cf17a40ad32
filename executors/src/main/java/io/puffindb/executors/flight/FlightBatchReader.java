package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Optional;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One Flight stream as an {@link ArrowReader}, so DuckDB can scan it; batches move without copies. A
 * failed stream is remembered: DuckDB reports it only as invalid input, which would blame the caller.
 */
public final class FlightBatchReader extends ArrowReader {
    private final FlightStream stream;
    private volatile FlightRuntimeException failure;
    private long bytes;

    public FlightBatchReader(BufferAllocator allocator, FlightStream stream) {
        super(allocator);
        this.stream = requireNonNull(stream, "stream is null");
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        try {
            if (!stream.next()) {
                return false;
            }
        } catch (FlightRuntimeException e) {
            failure = e;
            throw e;
        }
        try (ArrowRecordBatch batch = new VectorUnloader(stream.getRoot()).getRecordBatch()) {
            bytes += batch.computeBodyLength();
            loadRecordBatch(batch);
        }
        return true;
    }

    /** Why the stream stopped, if it failed: its engine's typed status, or the call's own (a worker gone). */
    public Optional<FlightRuntimeException> failure() {
        return Optional.ofNullable(failure);
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
        try {
            return stream.getSchema();
        } catch (FlightRuntimeException e) {
            failure = e;
            throw e;
        }
    }
}
