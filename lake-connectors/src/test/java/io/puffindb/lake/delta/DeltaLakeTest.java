package io.puffindb.lake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.TableReads;
import io.puffindb.lake.Split;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.ObjectStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta tables written to the protocol (DuckDB Parquet files, JSON commits; checkpoints by Delta
 * Kernel itself), read back through {@link DeltaLake} and compared with DuckDB over the same rows:
 * unpartitioned and partitioned, appends, removed files, a checkpoint the log is read from, schema
 * evolution, time travel, and the refusals.
 */
class DeltaLakeTest {
    private static final String ROWS = "SELECT i AS id, CAST(i * 1.5 AS DECIMAL(10, 2)) AS amount, DATE '2026-01-01' + CAST(i %% 30 AS INTEGER) AS day, "
            + "CASE WHEN i %% 7 = 0 THEN NULL ELSE 'n' || (i %% 5) END AS label, CASE WHEN i %% 3 = 0 THEN 'east' ELSE 'west' END AS region FROM range(%d, %d) AS r(i)";

    @TempDir
    Path root;
    Connection duckdb;
    DeltaTableWriter writer;
    DeltaLake lake;

    @BeforeEach
    void open() throws Exception {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        writer = new DeltaTableWriter(duckdb);
        lake = new DeltaLake("sales", root.toString(), new ObjectStores(List.of(new LocalObjectStore())));
    }

    @AfterEach
    void close() throws Exception {
        duckdb.close();
    }

    @Test
    void readsAnUnpartitionedTableAfterAppendsAndTravelsBackInTime() throws Exception {
        Path table = root.resolve("orders");
        assertEquals(0, writer.append(table, rows(0, 100), List.of(), 2));
        assertEquals(1, writer.append(table, rows(100, 150), List.of(), 1));

        assertEquals(List.of("orders"), lake.tableNames("sales"));
        LakeTable current = lake.table("sales", "orders").orElseThrow();
        assertEquals(3, current.splits().size());
        assertEquals(150, current.rowCount());
        assertSameRows(rows(0, 150), current);
        assertSameRows(rows(0, 100), lake.table("sales", "orders@0").orElseThrow());
    }

    @Test
    void partitionValuesComeFromTheLogAndPrunable() throws Exception {
        Path table = root.resolve("orders");
        writer.append(table, rows(0, 90), List.of("region"), 1);
        LakeTable read = lake.table("sales", "orders").orElseThrow();
        assertEquals(2, read.splits().size());
        assertSameRows(rows(0, 90), read);
        // The partition column's statistics are its single value: what split pruning uses.
        for (Split split : read.splits()) {
            String region = split.path().contains("region=east") ? "east" : "west";
            assertEquals(region, split.columnStats().get("region").min().orElseThrow());
            assertEquals(region, split.columnStats().get("region").max().orElseThrow());
        }
        Split any = read.splits().get(0);
        assertTrue(any.columnStats().get("id").min().isPresent() && any.columnStats().get("label").nullCount() > 0, any.columnStats().toString());
    }

    @Test
    void removedFilesAreGoneAndACheckpointIsReadInsteadOfTheCommits() throws Exception {
        Path table = root.resolve("orders");
        writer.append(table, rows(0, 60), List.of("region"), 1);
        writer.append(table, rows(60, 120), List.of("region"), 1);
        writer.removeFiles(table, "region=east");
        Engine kernel = DefaultEngine.create(new Configuration());
        Table.forPath(kernel, table.toUri().toString()).checkpoint(kernel, 2);
        Path checkpoint = table.resolve("_delta_log").resolve(String.format("%020d.checkpoint.parquet", 2));
        assertTrue(Files.exists(checkpoint), "Kernel wrote the checkpoint");
        // Without the commits the checkpoint replaces, only the checkpoint can say which files are live.
        for (int version = 0; version < 2; version++) {
            Files.delete(table.resolve("_delta_log").resolve(String.format("%020d.json", version)));
        }
        writer.append(table, rows(120, 150), List.of("region"), 1);
        LakeTable read = lake.table("sales", "orders").orElseThrow();
        assertSameRows("SELECT * FROM (" + rows(0, 150) + ") WHERE NOT (region = 'east' AND id < 120)", read);
    }

    @Test
    void aColumnAddedLaterReadsAsNullInOlderFiles() throws Exception {
        Path table = root.resolve("orders");
        writer.append(table, rows(0, 40), List.of("region"), 1);
        String wider = "SELECT *, id * 10 AS points FROM (" + rows(40, 80) + ")";
        writer.append(table, wider, List.of("region"), 1);
        LakeTable read = lake.table("sales", "orders").orElseThrow();
        assertEquals("points", read.columns().get(read.columns().size() - 1).name());
        assertSameRows("SELECT *, CAST(NULL AS BIGINT) AS points FROM (" + rows(0, 40) + ") UNION ALL " + wider, read);
        assertEquals(5, lake.table("sales", "orders@0").orElseThrow().columns().size());
    }

    @Test
    void anEmptyTableHasItsColumnsAndNoRows() throws Exception {
        writer.append(root.resolve("empty"), rows(0, 0), List.of(), 1);
        LakeTable read = lake.table("sales", "empty").orElseThrow();
        assertEquals(0, read.rowCount());
        assertSameRows(rows(0, 0), read);
    }

    @Test
    void unknownTablesAndVersionsAndDeletionVectors() throws Exception {
        assertTrue(lake.table("sales", "missing").isEmpty());
        Path table = root.resolve("orders");
        writer.append(table, rows(0, 10), List.of(), 1);
        PuffinException noVersion = assertThrows(PuffinException.class, () -> lake.table("sales", "orders@7"));
        assertTrue(noVersion.getMessage().contains("orders@7"), noVersion.getMessage());

        // A commit with a deletion vector on a file (protocol 3/7 with the feature): refused, never ignored.
        String dv = "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,\"readerFeatures\":[\"deletionVectors\"],\"writerFeatures\":[\"deletionVectors\"]}}\n"
                + "{\"add\":{\"path\":\"" + firstFile(table) + "\",\"partitionValues\":{},\"size\":1,\"modificationTime\":1,\"dataChange\":true,"
                + "\"stats\":\"{\\\"numRecords\\\":10}\",\"deletionVector\":{\"storageType\":\"i\",\"pathOrInlineDv\":\"wi5b=000010000siXQKl0rr91000f55c8Xg0@fX\","
                + "\"offset\":1,\"sizeInBytes\":36,\"cardinality\":2}}}\n";
        Files.writeString(table.resolve("_delta_log").resolve(String.format("%020d.json", 1)), dv);
        PuffinException refused = assertThrows(PuffinException.class, () -> lake.table("sales", "orders"));
        assertTrue(refused.getMessage().contains("deletion vectors"), refused.getMessage());
    }

    private static String rows(int from, int to) {
        return String.format(ROWS, from, to);
    }

    private static String firstFile(Path table) throws Exception {
        try (var files = Files.list(table)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    private void assertSameRows(String expectedSql, LakeTable table) throws Exception {
        TableReads.assertSameRows(duckdb, expectedSql, table);
    }
}
