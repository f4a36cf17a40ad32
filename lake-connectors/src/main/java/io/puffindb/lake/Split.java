package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One data file of a table: the unit a scan is split into. {@code path} is what DuckDB opens;
 * {@code version} changes whenever the file's content may have changed (size and mtime here).
 */
public record Split(String path, long sizeBytes, long rowCount, String version, Map<String, ColumnStats> columnStats) {
    public Split {
        requireNonNull(path, "path is null");
        requireNonNull(version, "version is null");
        columnStats = Map.copyOf(columnStats);
    }
}
