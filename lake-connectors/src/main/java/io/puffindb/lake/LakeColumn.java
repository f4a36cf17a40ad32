package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

/** A column of a lake table with its exact DuckDB type, e.g. {@code DECIMAL(15,2)}. */
public record LakeColumn(String name, String duckDbType) {
    public LakeColumn {
        requireNonNull(name, "name is null");
        requireNonNull(duckDbType, "duckDbType is null");
    }
}
