package io.puffindb.executors.flight;

import io.puffindb.lake.SqlLiterals;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a producer task's output is dealt to its consumers: by the hash of {@code keys} (its output
 * columns) into {@code partitions} parts, consumer {@code p} reading part {@code p} from every producer.
 */
public record Shuffle(List<String> keys, int partitions) {
    public Shuffle {
        keys = List.copyOf(keys);
        if (keys.isEmpty() || partitions < 1) {
            throw new IllegalArgumentException("A shuffle needs keys and at least one partition, got " + keys + " and " + partitions);
        }
    }

    /** The DuckDB expression of a row's partition, the same on every engine: DuckDB's own {@code hash}. */
    String partitionOf() {
        return "hash(" + keys.stream().map(SqlLiterals::identifier).collect(Collectors.joining(", ")) + ") % " + partitions;
    }

    void checkPartition(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("Partition " + partition + " of " + partitions);
        }
    }
}
