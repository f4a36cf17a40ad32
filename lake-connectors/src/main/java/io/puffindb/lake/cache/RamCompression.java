package io.puffindb.lake.cache;

import io.puffindb.lake.ConfigNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether what a RAM layer holds stays compressed (more fits) or not (no decompression on a read).
 * For a file copied into RAM: byte for byte as stored (Parquet's own compression), or with its
 * Parquet data rewritten uncompressed. (DuckDB in-memory tables compress with DuckDB's own
 * lightweight compression, or not.)
 */
public enum RamCompression {
    COMPRESSED {
        @Override
        public void copy(Path from, Path to) throws IOException {
            Files.copy(from, to);
        }
    },
    UNCOMPRESSED {
        @Override
        public void copy(Path from, Path to) throws IOException {
            // Deletion vectors and other non-Parquet files have no compression of their own to drop.
            if (from.getFileName().toString().endsWith(".parquet")) {
                UncompressedParquet.rewrite(from, to);
            } else {
                Files.copy(from, to);
            }
        }
    };

    /** Writes the RAM copy {@code to} (a new file) of the SSD copy {@code from}, compressed as this says. */
    public abstract void copy(Path from, Path to) throws IOException;

    /** Its configuration name: {@code compressed} or {@code uncompressed}. */
    public String configName() {
        return ConfigNames.of(this);
    }

    public static RamCompression parse(String text) {
        return ConfigNames.parse(RamCompression.class, text, "RAM compression");
    }
}
