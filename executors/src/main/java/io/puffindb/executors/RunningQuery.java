package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A query whose result is being read, batch by batch. It is cancelled when its deadline passes, and
 * any failure while reading comes out as a {@link PuffinException}.
 */
public final class RunningQuery implements AutoCloseable {
    private final QueryHandle handle;
    private final ArrowResult result;
    private final QueryRun inputs;
    private final BufferAllocator memory;
    private final LongConsumer readToTheEnd;
    private boolean ended;
    // The answer's columns over the engine's batches; null until the result's schema is known.
    private Optional<RenamedBatches> renamed;

    /** @param readToTheEnd told the row count once the last batch has been read */
    RunningQuery(QueryHandle handle, ArrowResult result, QueryRun inputs, BufferAllocator memory, LongConsumer readToTheEnd) {
        this.handle = requireNonNull(handle, "handle is null");
        this.result = requireNonNull(result, "result is null");
        this.inputs = requireNonNull(inputs, "inputs is null");
        this.memory = requireNonNull(memory, "memory is null");
        this.readToTheEnd = requireNonNull(readToTheEnd, "readToTheEnd is null");
    }

    /** What the fragments' tasks did so far (complete once the result is read). */
    public QueryStats stats() {
        return handle.stats();
    }

    public PreparedQuery query() {
        return handle.query();
    }

    /** The batch the last {@link #nextBatch()} loaded (one root, reused for every batch). */
    public VectorSchemaRoot batch() {
        try {
            VectorSchemaRoot source = result.reader().getVectorSchemaRoot();
            return renamed(source).map(RenamedBatches::root).orElse(source);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private Optional<RenamedBatches> renamed(VectorSchemaRoot source) {
        if (renamed == null) {
            renamed = handle.query().answerColumns().flatMap(columns -> RenamedBatches.of(source, columns, memory));
        }
        return renamed;
    }

    /** Loads the next batch into {@link #batch()}; false at the end. */
    public boolean nextBatch() {
        if (handle.cancellation().isCancelled()) {
            // A cancelled query's inputs end early: what DuckDB still produces from them is no answer.
            throw failure(new IllegalStateException("cancelled"));
        }
        try {
            boolean loaded = result.reader().loadNextBatch();
            if (loaded) {
                VectorSchemaRoot source = result.reader().getVectorSchemaRoot();
                renamed(source).ifPresent(RenamedBatches::transfer);
                handle.delivered(source.getRowCount());
            } else if (!ended) {
                ended = true;
                readToTheEnd.accept(handle.rowsDelivered());
            }
            return loaded;
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    private PuffinException failure(Exception e) {
        if (handle.deadline().expired()) {
            return handle.deadline().exceeded(e);
        }
        if (handle.cancellation().isCancelled()) {
            return new PuffinException(ErrorCode.CANCELLED, "Query was cancelled", e);
        }
        if (inputs.inputFailure().isPresent()) {
            return inputs.inputFailure().get();
        }
        if (e instanceof PuffinException puffin) {
            return puffin;
        }
        return DuckDbErrors.fromDuckDb(new SQLException(e.getMessage(), e), "Query");
    }

    private Optional<RenamedBatches> renamedIfStarted() {
        return renamed == null ? Optional.empty() : renamed;
    }

    @Override
    public void close() throws Exception {
        handle.deadline().disarm();
        // The query's memory goes last: a buffer still held anywhere fails the close, as a leak should.
        try (memory; inputs; AutoCloseable names = () -> renamedIfStarted().ifPresent(RenamedBatches::close)) {
            result.close();
        }
    }
}
