package io.puffindb.lake.hudi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.FooterMetadata;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.TableReads;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.MetadataCopies;
import io.puffindb.lake.store.ObjectStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hudi copy-on-write tables laid out as the published format has them (hoodie.properties, the
 * timeline's instant files, base files named {@code <fileId>_<writeToken>_<instant>.parquet} with
 * the {@code _hoodie_*} columns, hive-style partitions), in both timeline layouts: the latest slice
 * of each file group is read, inflight writes and replaced file groups are not, time travel works,
 * merge-on-read is refused.
 */
class HudiLakeTest {
    private static final String ROWS = "SELECT i AS id, 'v' || i AS label, %s AS version, '%s' AS region FROM range(%d, %d) AS r(i)";

    @TempDir
    Path root;
    @TempDir
    Path footers;
    Connection duckdb;
    HudiTableWriter writer;
    FileMetadataReader metadataReader;
    HudiLake lake;

    @BeforeEach
    void open() throws Exception {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        writer = new HudiTableWriter(duckdb);
        metadataReader = new FileMetadataReader();
        ObjectStores stores = new ObjectStores(List.of(new LocalObjectStore()));
        lake = new HudiLake("hudi", root.toString(), stores, new FooterMetadata(new MetadataCopies(footers, stores), metadataReader));
    }

    @AfterEach
    void close() throws Exception {
        duckdb.close();
        metadataReader.close();
    }

    @Test
    void readsTheLatestSliceOfEachFileGroupInTheVersion6Timeline() throws Exception {
        Path table = table("trips", "COPY_ON_WRITE");
        // t1 writes two file groups; t2 rewrites group A (an update); t3 is still inflight; t4 replaces group B with C.
        baseFile(table, "region=east", "A", "20260101000001", rows(1, 0, 10, "east"));
        baseFile(table, "region=west", "B", "20260101000001", rows(1, 10, 20, "west"));
        completeV6(table, "20260101000001", "commit", "{}");
        baseFile(table, "region=east", "A", "20260101000002", rows(2, 0, 12, "east"));
        completeV6(table, "20260101000002", "commit", "{}");
        baseFile(table, "region=west", "B", "20260101000003", rows(3, 10, 20, "west"));
        writer.begin(table, "20260101000003", "commit");
        baseFile(table, "region=west", "C", "20260101000004", rows(4, 100, 103, "west"));
        completeV6(table, "20260101000004", "replacecommit", "{\"partitionToReplaceFileIds\":{\"region=west\":[\"B\"]}}");

        assertEquals(List.of("trips"), lake.tableNames("hudi"));
        LakeTable current = lake.table("hudi", "trips").orElseThrow();
        assertEquals(List.of("id", "label", "version", "region"), current.columns().stream().map(LakeColumn::name).toList());
        assertEquals(2, current.splits().size());
        assertSameRows(rows(2, 0, 12, "east") + " UNION ALL " + rows(4, 100, 103, "west"), current);
        assertSameRows(rows(1, 0, 10, "east") + " UNION ALL " + rows(1, 10, 20, "west"), lake.table("hudi", "trips@20260101000001").orElseThrow());
        assertSameRows(rows(2, 0, 12, "east") + " UNION ALL " + rows(1, 10, 20, "west"), lake.table("hudi", "trips@20260101000002").orElseThrow());
        assertFalse(current.splits().get(0).columnStats().containsKey("_hoodie_commit_time"));
        assertTrue(current.splits().get(0).columnStats().containsKey("id"));
    }

    @Test
    void readsTheVersion8TimelineOfHudi1() throws Exception {
        Path table = table("rides", "COPY_ON_WRITE");
        Files.createDirectories(table.resolve(".hoodie/timeline"));
        baseFile(table, "region=east", "A", "20260101000001000", rows(1, 0, 5, "east"));
        Files.writeString(table.resolve(".hoodie/timeline/20260101000001000_20260101000001500.commit"), "");
        baseFile(table, "region=east", "A", "20260101000002000", rows(2, 0, 7, "east"));
        Files.writeString(table.resolve(".hoodie/timeline/20260101000002000.commit.requested"), "");
        assertSameRows(rows(1, 0, 5, "east"), lake.table("hudi", "rides").orElseThrow());
    }

    @Test
    void refusesMergeOnReadAndUnknownInstants() throws Exception {
        table("events", "MERGE_ON_READ");
        PuffinException mor = assertThrows(PuffinException.class, () -> lake.table("hudi", "events"));
        assertTrue(mor.getMessage().contains("MERGE_ON_READ"), mor.getMessage());

        Path table = table("trips", "COPY_ON_WRITE");
        baseFile(table, "region=east", "A", "20260101000001", rows(1, 0, 3, "east"));
        completeV6(table, "20260101000001", "commit", "{}");
        PuffinException instant = assertThrows(PuffinException.class, () -> lake.table("hudi", "trips@20250101000000"));
        assertTrue(instant.getMessage().contains("trips@20250101000000"), instant.getMessage());
        assertTrue(lake.table("hudi", "missing").isEmpty());
    }

    private Path table(String name, String type) {
        return writer.createTable(root.resolve(name), type, "id", "region");
    }

    private void completeV6(Path table, String instant, String action, String metadata) {
        writer.complete(table, instant, action, metadata);
    }

    private void baseFile(Path table, String partition, String fileId, String instant, String rows) {
        writer.writeBaseFile(table, partition, fileId, instant, rows, "id");
    }

    private static String rows(int version, int from, int to, String region) {
        return String.format(ROWS, version, region, from, to);
    }

    private void assertSameRows(String expectedSql, LakeTable table) throws Exception {
        TableReads.assertSameRows(duckdb, expectedSql, table);
    }
}
