package io.puffindb.lake.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a file's copy in a RAM layer is written: byte for byte as stored (Parquet's own compression:
 * more files fit), or with Parquet data rewritten uncompressed (more RAM per file, no decompression
 * on every read).
 */
public enum RamCopy {
    AS_STORED {
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

    /** Writes the RAM copy {@code to} (a new file) of the SSD copy {@code from}. */
    public abstract void copy(Path from, Path to) throws IOException;

    /** Its configuration name: {@code as-stored} or {@code uncompressed}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RamCopy parse(String text) {
        return Arrays.stream(values()).filter(copy -> copy.configName().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("A RAM copy is " + Arrays.stream(values()).map(RamCopy::configName)
                        .collect(Collectors.joining(" or ")) + ", not '" + text + "'"));
    }
}
