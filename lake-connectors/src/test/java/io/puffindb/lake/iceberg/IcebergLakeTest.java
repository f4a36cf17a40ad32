package io.puffindb.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.Split;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Iceberg tables (Iceberg's JDBC catalog on a SQLite file and on the local PostgreSQL, data files
 * written by DuckDB with field ids), read back through {@link IcebergLake}'s splits and scan SQL in
 * DuckDB and compared with the rows that were written.
 */
class IcebergLakeTest {
    @TempDir
    Path warehouse;

    private final ObjectStores stores = new ObjectStores(List.of(new LocalObjectStore()));
    private final FileMetadataReader metadataReader = new FileMetadataReader();
    private final List<AutoCloseable> resources = new ArrayList<>();

    static Stream<String> catalogs() {
        return Stream.of("sqlite", "postgresql");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        metadataReader.close();
    }

    @ParameterizedTest
    @MethodSource("catalogs")
    void appendsSchemaEvolutionTimeTravelAndPositionDeletes(String kind) throws Exception {
        JdbcCatalog catalog = catalog(kind);
        String namespace = "ns_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        catalog.createNamespace(Namespace.of(namespace));
        IcebergLake lake = new IcebergLake(catalog);
        IcebergTableWriter writer = new IcebergTableWriter(catalog, stores, metadataReader, warehouse.resolve("scratch"));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            TableIdentifier id = TableIdentifier.of(namespace, "events");
            Table table = writer.create(id, List.of(new LakeColumn("id", "BIGINT"), new LakeColumn("amount", "DECIMAL(12,2)"), new LakeColumn("day", "DATE")));
            writer.append(table, List.of(writer.writeDataFile(table, duckdb,
                    "SELECT range AS id, (range * 1.5)::DECIMAL(12,2) AS amount, DATE '2024-01-01' + range::INT AS day FROM range(10)")));
            long firstSnapshot = catalog.loadTable(id).currentSnapshot().snapshotId();
            table = catalog.loadTable(id);
            writer.append(table, List.of(writer.writeDataFile(table, duckdb,
                    "SELECT range AS id, (range * 1.5)::DECIMAL(12,2) AS amount, DATE '2024-01-01' + range::INT AS day FROM range(10, 15)")));

            assertTrue(lake.tableNames(namespace).contains("events"));
            LakeTable current = lake.table(namespace, "events").orElseThrow();
            assertEquals(2, current.splits().size());
            assertEquals(15, current.rowCount());
            assertEquals(List.of("0", "10"), current.splits().stream().map(split -> split.columnStats().get("id").min().orElseThrow()).sorted().toList(),
                    "column bounds from the manifests");
            assertEquals(List.of(List.of("15", "157.50", "2024-01-15")), rows(duckdb, current, "count(*), sum(amount), max(day)"));

            // Time travel: the first snapshot has the first file only.
            LakeTable before = lake.table(namespace, "events@" + firstSnapshot).orElseThrow();
            assertEquals(List.of(List.of("10")), rows(duckdb, before, "count(*)"));

            // Schema evolution: a renamed column keeps its data (matched by field id), an added one is NULL in old files.
            catalog.loadTable(id).updateSchema().renameColumn("amount", "price").addColumn("note", Types.StringType.get()).commit();
            table = catalog.loadTable(id);
            writer.append(table, List.of(writer.writeDataFile(table, duckdb,
                    "SELECT 99::BIGINT AS id, 1.25::DECIMAL(12,2) AS price, DATE '2025-01-01' AS day, 'new' AS note")));
            LakeTable evolved = lake.table(namespace, "events").orElseThrow();
            assertEquals(List.of("id", "price", "day", "note"), evolved.columns().stream().map(LakeColumn::name).toList());
            assertEquals(List.of(List.of("16", "158.75", "1")), rows(duckdb, evolved, "count(*), sum(price), count(note)"));

            // Format v2 position deletes: rows 0 and 3 of the first file are gone.
            Split first = evolved.splits().stream().filter(split -> split.rowCount() == 10).findFirst().orElseThrow();
            Path deletes = warehouse.resolve("deletes-" + kind + ".parquet");
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("COPY (SELECT " + SqlLiterals.string(dataFileLocation(catalog.loadTable(id), first.path())) + " AS file_path, pos::BIGINT AS pos FROM (VALUES (0), (3)) t(pos)) TO "
                        + SqlLiterals.string(deletes.toString()) + " (FORMAT parquet, FIELD_IDS {file_path: 2147483546, pos: 2147483545})");
            }
            table = catalog.loadTable(id);
            table.newRowDelta().addDeletes(FileMetadata.deleteFileBuilder(table.spec())
                    .ofPositionDeletes()
                    .withPath(deletes.toString())
                    .withFormat(org.apache.iceberg.FileFormat.PARQUET)
                    .withFileSizeInBytes(java.nio.file.Files.size(deletes))
                    .withRecordCount(2)
                    .build()).commit();
            LakeTable afterDelete = lake.table(namespace, "events").orElseThrow();
            assertEquals(List.of(List.of("14", "0")), rows(duckdb, afterDelete, "count(*), count(*) FILTER (WHERE id IN (0, 3))"));
        }
    }

    @ParameterizedTest
    @MethodSource("catalogs")
    void unknownTablesAndSnapshotsAreNamed(String kind) throws Exception {
        JdbcCatalog catalog = catalog(kind);
        String namespace = "ns_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        catalog.createNamespace(Namespace.of(namespace));
        IcebergLake lake = new IcebergLake(catalog);
        assertTrue(lake.table(namespace, "missing").isEmpty());
        IcebergTableWriter writer = new IcebergTableWriter(catalog, stores, metadataReader, warehouse.resolve("scratch"));
        writer.create(TableIdentifier.of(namespace, "empty"), List.of(new LakeColumn("id", "BIGINT")));
        LakeTable empty = lake.table(namespace, "empty").orElseThrow();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            assertEquals(List.of(List.of("0")), rows(duckdb, empty, "count(*)"));
        }
        PuffinException unknown = assertThrows(PuffinException.class, () -> lake.table(namespace, "empty@12345"));
        assertTrue(unknown.getMessage().contains("empty@12345"), unknown.getMessage());
    }

    private JdbcCatalog catalog(String kind) {
        String uri = kind.equals("sqlite") ? "jdbc:sqlite:" + warehouse.resolve("catalog.db") : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        JdbcCatalog catalog = IcebergCatalogs.jdbc("test_" + kind, uri, warehouse.resolve("tables").toString(), stores);
        resources.add(catalog);
        return catalog;
    }

    private static String dataFileLocation(Table table, String location) throws Exception {
        try (var tasks = table.newScan().planFiles()) {
            for (var task : tasks) {
                if (ObjectStores.location(task.file().location()).equals(location)) {
                    return task.file().location();
                }
            }
        }
        throw new AssertionError("no data file at " + location);
    }

    private static List<List<String>> rows(Connection duckdb, LakeTable table, String select) throws Exception {
        String relation = table.scanRenderer().relation(table.splits(), StoredObject::uri);
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery("SELECT " + select + " FROM " + relation + " AS t")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(result.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
