package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table of the lake: its columns with exact types, the splits (files) that hold its rows, and how
 * DuckDB reads a set of those splits.
 */
public record LakeTable(String schema, String name, List<LakeColumn> columns, List<Split> splits, ScanRenderer scanRenderer) {
    public LakeTable {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(scanRenderer, "scanRenderer is null");
        columns = List.copyOf(columns);
        splits = List.copyOf(splits);
    }

    public long rowCount() {
        return splits.stream().mapToLong(Split::rowCount).sum();
    }

    public long sizeBytes() {
        return splits.stream().mapToLong(Split::sizeBytes).sum();
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
