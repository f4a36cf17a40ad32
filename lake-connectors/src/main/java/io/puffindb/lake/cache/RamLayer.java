package io.puffindb.lake.cache;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The RAM layer above an SSD {@link FileCache}: its hottest files are held in {@code folder}, a
 * RAM-backed file system (tmpfs such as /dev/shm), up to {@code budgetBytes} of RAM copies, each
 * written as {@code compression} says. DuckDB reads a file held there through the same name as ever, so no
 * rendered SQL changes.
 */
public record RamLayer(Path folder, long budgetBytes, RamCompression compression, CacheListener listener) {
    public static final RamLayer NONE = new RamLayer(Path.of(""), 0, RamCompression.COMPRESSED, CacheListener.NONE);

    public RamLayer {
        requireNonNull(folder, "folder is null");
        requireNonNull(compression, "compression is null");
        requireNonNull(listener, "listener is null");
    }

    /** Files kept as stored. */
    public RamLayer(Path folder, long budgetBytes, CacheListener listener) {
        this(folder, budgetBytes, RamCompression.COMPRESSED, listener);
    }

    public boolean enabled() {
        return budgetBytes > 0;
    }
}
