package io.puffindb.lake.cache;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The RAM layer above an SSD {@link FileCache}: its hottest files are held in {@code folder}, a
 * RAM-backed file system (tmpfs such as /dev/shm), up to {@code budgetBytes}. DuckDB reads a file
 * held there through the same name as ever, so no rendered SQL changes; the files stay as stored
 * (Parquet's own compression).
 */
public record RamLayer(Path folder, long budgetBytes, CacheListener listener) {
    public static final RamLayer NONE = new RamLayer(Path.of(""), 0, CacheListener.NONE);

    public RamLayer {
        requireNonNull(folder, "folder is null");
        requireNonNull(listener, "listener is null");
    }

    boolean enabled() {
        return budgetBytes > 0;
    }
}
