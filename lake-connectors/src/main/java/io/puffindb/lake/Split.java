package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.store.StoredObject;
import java.util.List;
import java.util.Map;

/**
 * One data file of a table: the unit a scan is split into. {@code path} is the file's location (a
 * local path, or {@code s3://...} that engines read from their cache); {@code version} changes
 * whenever the file's content may have changed (ETag, or size and mtime). {@code deleteFiles} are a
 * table format's position-delete files for this data file (Iceberg v2): the scan leaves those rows out.
 */
public record Split(String path, long sizeBytes, long rowCount, String version, Map<String, ColumnStats> columnStats, List<StoredObject> deleteFiles) {
    public Split {
        requireNonNull(path, "path is null");
        requireNonNull(version, "version is null");
        columnStats = Map.copyOf(columnStats);
        deleteFiles = List.copyOf(deleteFiles);
    }

    /** A data file with no delete files against it. */
    public Split(String path, long sizeBytes, long rowCount, String version, Map<String, ColumnStats> columnStats) {
        this(path, sizeBytes, rowCount, version, columnStats, List.of());
    }

    public StoredObject file() {
        return new StoredObject(path, sizeBytes, version);
    }
}
