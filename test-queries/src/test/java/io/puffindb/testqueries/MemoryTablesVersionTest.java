package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.cache.CacheUsage;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.iceberg.IcebergCatalogs;
import io.puffindb.lake.iceberg.IcebergTableWriter;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.S3Settings;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.IcebergCatalogConfig;
import io.puffindb.web.PuffinConfig;
import io.puffindb.web.StorageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MONOSTORE's in-memory copy of a table is one version of its rows: an Iceberg table held in
 * memory, then given a position delete file (its data files unchanged), answers without the
 * deleted rows, from its files, and then from a new copy, which replaces the old one.
 */
class MemoryTablesVersionTest {
    private static final String SQL = "SELECT count(*) AS n, sum(id) AS total FROM wh.ns.events";

    @TempDir
    Path lake;
    @TempDir
    Path warehouse;

    @Test
    void aDeleteAddedAfterATableWentIntoMemoryIsNeverMissed() throws Exception {
        ObjectStores stores = new ObjectStores(List.of(new LocalObjectStore()));
        String uri = "jdbc:sqlite:" + warehouse.resolve("catalog.db");
        TableIdentifier id = TableIdentifier.of("ns", "events");
        try (JdbcCatalog catalog = IcebergCatalogs.jdbc("wh", uri, warehouse.resolve("tables").toString(), stores);
                FileMetadataReader reader = new FileMetadataReader();
                Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                BufferAllocator allocator = new RootAllocator()) {
            catalog.createNamespace(Namespace.of("ns"));
            IcebergTableWriter writer = new IcebergTableWriter(catalog, stores, reader, warehouse.resolve("scratch"));
            Table table = writer.create(id, List.of(new LakeColumn("id", "BIGINT")));
            writer.append(table, List.of(writer.writeDataFile(table, duckdb, "SELECT range AS id FROM range(10)")));

            StorageConfig storage = new StorageConfig(S3Settings.AWS_DEFAULTS, warehouse.resolve("caches"), 1L << 30, 1L << 30,
                    List.of(new IcebergCatalogConfig("wh", uri, warehouse.resolve("tables").toString()))).withRam(RamSettings.defaults());
            // No workers: every scan is the MONOSTORE's, so what it reads moves into its memory.
            try (EmbeddedService service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 0).withLake(lake.toString(), storage),
                    GenerationProgress.SILENT)) {
                PuffinClient client = new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
                assertEquals(List.of(List.of("10", "45")), rows(client, allocator));
                awaitRamFiles(service, 1);
                assertEquals(1, monostoreReads(service).ramFiles(), "the next run reads the table from memory");
                assertEquals(List.of(List.of("10", "45")), rows(client, allocator));

                // Rows 0 and 3 deleted: same data file, a new delete file (in the warehouse, whose folder engines may read), a new snapshot.
                Path deletes = warehouse.resolve("tables").resolve("deletes.parquet");
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("COPY (SELECT " + SqlLiterals.string(dataFile(catalog.loadTable(id)).location()) + " AS file_path, pos::BIGINT AS pos"
                            + " FROM (VALUES (0), (3)) t(pos)) TO " + SqlLiterals.string(deletes.toString())
                            + " (FORMAT parquet, FIELD_IDS {file_path: 2147483546, pos: 2147483545})");
                }
                table = catalog.loadTable(id);
                table.newRowDelta().addDeletes(FileMetadata.deleteFileBuilder(table.spec()).ofPositionDeletes().withPath(deletes.toString())
                        .withFormat(org.apache.iceberg.FileFormat.PARQUET).withFileSizeInBytes(Files.size(deletes)).withRecordCount(2).build()).commit();

                assertEquals(List.of(List.of("8", "42")), rows(client, allocator), "the copy of the older rows is not read");
                awaitRamFiles(service, 2); // the new version's data file and delete file
                assertEquals(2, monostoreReads(service).ramFiles(), "a copy of the new version is read");
                assertEquals(List.of(List.of("8", "42")), rows(client, allocator));
            }
        }
    }

    private static List<List<String>> rows(PuffinClient client, BufferAllocator allocator) throws Exception {
        PuffinClient.Answer answer = client.query(SQL, allocator);
        assertNull(answer.error());
        return answer.result().rows().stream().map(row -> row.stream().map(String::valueOf).toList()).toList();
    }

    private static CacheUsage monostoreReads(EmbeddedService service) {
        return service.executor().explainAnalyze(SQL).fragments().stream().filter(fragment -> fragment.engineReads() != null).findFirst()
                .orElseThrow().engineReads();
    }

    private static DataFile dataFile(Table table) throws Exception {
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            return tasks.iterator().next().file();
        }
    }

    // Loading into memory happens in the background after a query: wait (bounded) until the RAM layer holds the files.
    private static void awaitRamFiles(EmbeddedService service, int files) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/cluster")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (new ObjectMapper().readTree(body).path("monostore").path("cache").path("ramFiles").asInt() == files) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the RAM layer never held " + files + " files");
    }
}
