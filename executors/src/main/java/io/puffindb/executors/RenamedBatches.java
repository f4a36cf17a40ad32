package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A result's batches under the names its answer carries, without copies: each batch's buffers move
 * into one root whose fields bear those names (same types, same children).
 */
final class RenamedBatches implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RenamedBatches.class);

    private final VectorSchemaRoot source;
    private final VectorSchemaRoot renamed;
    private final List<TransferPair> transfers;

    private RenamedBatches(VectorSchemaRoot source, VectorSchemaRoot renamed) {
        this.source = requireNonNull(source, "source is null");
        this.renamed = requireNonNull(renamed, "renamed is null");
        this.transfers = new ArrayList<>();
        for (int i = 0; i < source.getFieldVectors().size(); i++) {
            transfers.add(source.getVector(i).makeTransferPair(renamed.getVector(i)));
        }
    }

    /** Empty when {@code source} carries {@code names} already (or names another number of columns, which is logged). */
    static Optional<RenamedBatches> of(VectorSchemaRoot source, List<String> names, BufferAllocator allocator) {
        List<Field> fields = source.getSchema().getFields();
        if (fields.stream().map(Field::getName).toList().equals(names)) {
            return Optional.empty();
        }
        if (fields.size() != names.size()) {
            LOG.warn("A result of {} columns {} cannot carry the {} names {}: it keeps its own", fields.size(), source.getSchema(), names.size(), names);
            return Optional.empty();
        }
        List<Field> named = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            named.add(new Field(names.get(i), fields.get(i).getFieldType(), fields.get(i).getChildren()));
        }
        Schema schema = new Schema(named, source.getSchema().getCustomMetadata());
        return Optional.of(new RenamedBatches(source, VectorSchemaRoot.create(schema, allocator)));
    }

    /** The root that holds each batch under the new names. */
    VectorSchemaRoot root() {
        return renamed;
    }

    /** Moves the batch just loaded into the source root over to {@link #root()}. */
    void transfer() {
        transfers.forEach(TransferPair::transfer);
        renamed.setRowCount(source.getRowCount());
    }

    @Override
    public void close() {
        renamed.close();
    }
}
