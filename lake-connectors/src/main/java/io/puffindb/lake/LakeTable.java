package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A table of the lake: its columns with exact types and the splits (files) that hold its rows. */
public record LakeTable(String schema, String name, FileFormat format, List<LakeColumn> columns, List<Split> splits) {
    public LakeTable {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(format, "format is null");
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
