package io.puffindb.lake.hudi;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes Hudi copy-on-write tables on local disk as the published layout has them (table version
 * 6): {@code .hoodie/hoodie.properties}, base files named {@code <fileId>_<writeToken>_<instant>.parquet}
 * written by DuckDB with Hudi's five {@code _hoodie_*} columns first, and the timeline's
 * requested/inflight/completed instant files. For the demo and for tests; PuffinDB itself only reads.
 */
public final class HudiTableWriter {
    private static final String WRITE_TOKEN = "0-1-0";

    private final Connection duckdb;

    public HudiTableWriter(Connection duckdb) {
        this.duckdb = requireNonNull(duckdb, "duckdb is null");
    }

    /** {@code type} is COPY_ON_WRITE or MERGE_ON_READ (the latter only to be refused by readers of ours). */
    public Path createTable(Path table, String type, String recordKey, String partitionField) {
        try {
            Files.createDirectories(table.resolve(".hoodie"));
            Files.writeString(table.resolve(".hoodie/hoodie.properties"), "hoodie.table.name=" + table.getFileName() + "\nhoodie.table.type=" + type
                    + "\nhoodie.table.version=6\nhoodie.table.recordkey.fields=" + recordKey
                    + (partitionField == null ? "" : "\nhoodie.table.partition.fields=" + partitionField) + "\n");
            return table;
        } catch (IOException e) {
            throw failure(table, e);
        }
    }

    /** One file slice: the rows of {@code sql} as the base file of {@code fileId} at {@code instant}, in {@code partition} ("" for none). */
    public void writeBaseFile(Path table, String partition, String fileId, String instant, String sql, String recordKey) {
        String fileName = fileId + "_" + WRITE_TOKEN + "_" + instant + ".parquet";
        try {
            Path file = Files.createDirectories(partition.isEmpty() ? table : table.resolve(partition)).resolve(fileName);
            String withMeta = "SELECT " + SqlLiterals.string(instant) + " AS _hoodie_commit_time, " + SqlLiterals.string(instant + "_")
                    + " || row_number() OVER () AS _hoodie_commit_seqno, CAST(" + SqlLiterals.identifier(recordKey) + " AS VARCHAR) AS _hoodie_record_key, "
                    + SqlLiterals.string(partition) + " AS _hoodie_partition_path, " + SqlLiterals.string(fileName) + " AS _hoodie_file_name, * FROM (" + sql + ")";
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("COPY (" + withMeta + ") TO " + SqlLiterals.string(file.toString()) + " (FORMAT parquet)");
            }
        } catch (IOException | SQLException e) {
            throw failure(table, e);
        }
    }

    /** Marks {@code instant} requested, inflight and completed ({@code action} commit or replacecommit, with its JSON metadata). */
    public void complete(Path table, String instant, String action, String metadataJson) {
        try {
            begin(table, instant, action);
            Files.writeString(table.resolve(".hoodie/" + instant + "." + action), metadataJson);
        } catch (IOException e) {
            throw failure(table, e);
        }
    }

    /** Marks {@code instant} requested and inflight only: a write under way, or one that failed. */
    public void begin(Path table, String instant, String action) {
        try {
            Files.writeString(table.resolve(".hoodie/" + instant + "." + action + ".requested"), "");
            Files.writeString(table.resolve(".hoodie/" + instant + "." + action + ".inflight"), "");
        } catch (IOException e) {
            throw failure(table, e);
        }
    }

    private static PuffinException failure(Path table, Exception e) {
        return new PuffinException(ErrorCode.INTERNAL_ERROR, "Writing Hudi table " + table + " failed: " + e.getMessage(), e);
    }
}
