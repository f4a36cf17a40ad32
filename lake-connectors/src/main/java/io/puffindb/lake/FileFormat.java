package io.puffindb.lake;

import java.util.Locale;
import java.util.Optional;

/** The file formats a folder table may hold, with the DuckDB table function that reads each. */
public enum FileFormat {
    PARQUET("read_parquet"),
    CSV("read_csv");

    private final String duckDbReader;

    FileFormat(String duckDbReader) {
        this.duckDbReader = duckDbReader;
    }

    public String duckDbReader() {
        return duckDbReader;
    }

    /** The format a file name's extension says, if it is one we read. */
    public static Optional<FileFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
