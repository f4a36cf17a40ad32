package io.puffindb.executors.cache;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ConfigNames;
import io.puffindb.lake.cache.RamCompression;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MONOSTORE's RAM layer: what form it takes, its byte budget (0 turns it off), whether it
 * compresses, and the RAM-backed folder where RAM copies of files are kept (by the client's RAM
 * layer too, and by the MONOSTORE's in the {@link Form#FILES} form).
 */
public record RamSettings(Form form, Path dir, long monostoreBytes, RamCompression compression) {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    /** No RAM layer (the workers'). */
    public static final RamSettings NONE = new RamSettings(Form.TABLES, Path.of(""), 0, RamCompression.COMPRESSED);

    /** How hot data is held in RAM. */
    public enum Form {
        /** Hot tables (one version of a table's rows) as DuckDB in-memory tables of the MONOSTORE's database. */
        TABLES,
        /** Hot files as copies on a RAM-backed file system, read by DuckDB under their cached names. */
        FILES;

        public String configName() {
            return ConfigNames.of(this);
        }

        public static Form parse(String text) {
            return ConfigNames.parse(Form.class, text, "The RAM layer's form");
        }
    }

    public RamSettings {
        requireNonNull(form, "form is null");
        requireNonNull(dir, "dir is null");
        requireNonNull(compression, "compression is null");
    }

    /** 1 GiB of DuckDB tables, compressed; RAM copies of files (for that form, and the client's) in /dev/shm/puffindb-ram where it exists. */
    public static RamSettings defaults() {
        Path dir = hasSharedMemory() ? SHARED_MEMORY.resolve("puffindb-ram") : Path.of(System.getProperty("java.io.tmpdir"), "puffindb-ram");
        return new RamSettings(Form.TABLES, dir, 1L << 30, RamCompression.COMPRESSED);
    }

    /** Whether this machine has a RAM-backed file system (/dev/shm) for RAM copies of files. */
    public static boolean hasSharedMemory() {
        return Files.isDirectory(SHARED_MEMORY);
    }

    public RamSettings withForm(Form newForm) {
        return new RamSettings(newForm, dir, monostoreBytes, compression);
    }

    public RamSettings withMonostoreBytes(long bytes) {
        return new RamSettings(form, dir, bytes, compression);
    }

    public RamSettings withCompression(RamCompression newCompression) {
        return new RamSettings(form, dir, monostoreBytes, newCompression);
    }
}
