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
 * A result's batches as its answer's columns, without copies: each batch's buffers move into one root
 * whose fields bear the answer's names, in the answer's order (same types, same children).
 */
final class RenamedBatches implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RenamedBatches.class);

    private final VectorSchemaRoot source;
    private final VectorSchemaRoot renamed;
    private final List<TransferPair> transfers;

    private RenamedBatches(VectorSchemaRoot source, VectorSchemaRoot renamed, AnswerColumns columns) {
        this.source = requireNonNull(source, "source is null");
        this.renamed = requireNonNull(renamed, "renamed is null");
        this.transfers = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            transfers.add(source.getVector(columns.planColumn(i)).makeTransferPair(renamed.getVector(i)));
        }
    }

    /** Empty when {@code source} has the answer's columns already (or another number of columns, which is logged). */
    static Optional<RenamedBatches> of(VectorSchemaRoot source, AnswerColumns columns, BufferAllocator allocator) {
        List<Field> fields = source.getSchema().getFields();
        if (!columns.reordered() && fields.stream().map(Field::getName).toList().equals(columns.names())) {
            return Optional.empty();
        }
        if (fields.size() != columns.size()) {
            LOG.warn("A result of {} columns {} cannot carry the {} columns {}: it keeps its own", fields.size(), source.getSchema(),
                    columns.size(), columns.names());
            return Optional.empty();
        }
        List<Field> named = new ArrayList<>(fields.size());
        for (int i = 0; i < columns.size(); i++) {
            Field field = fields.get(columns.planColumn(i));
            named.add(new Field(columns.names().get(i), field.getFieldType(), field.getChildren()));
        }
        Schema schema = new Schema(named, source.getSchema().getCustomMetadata());
        return Optional.of(new RenamedBatches(source, VectorSchemaRoot.create(schema, allocator), columns));
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
