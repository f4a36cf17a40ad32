package io.puffindb.web.flightsql;

import io.puffindb.lake.FileFormat;

/** How a listed table's data is kept, as a user knows it: plain files, a table format, or a mounted database. */
public enum TableFormat {
    PARQUET, CSV, ICEBERG, DELTA, HUDI, JDBC;

    static TableFormat of(FileFormat files) {
        return switch (files) {
            case PARQUET -> PARQUET;
            case CSV -> CSV;
        };
    }
}
