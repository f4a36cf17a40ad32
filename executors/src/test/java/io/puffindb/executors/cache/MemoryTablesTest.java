package io.puffindb.executors.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.executors.EngineLimits;
import io.puffindb.executors.DuckDbEngine;
import io.puffindb.lake.FileFormat;
import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.FolderLake;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.ScanRenderer;
import io.puffindb.lake.Split;
import io.puffindb.lake.cache.CacheListener;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.cache.RamCompression;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.MetadataCopies;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MONOSTORE's RAM layer as DuckDB in-memory tables, over a lake folder of Parquet files. */
class MemoryTablesTest {
    @TempDir
    Path root;
    private final ObjectStores stores = new ObjectStores(List.of(new LocalObjectStore()));
    private final List<AutoCloseable> closing = new ArrayList<>();
    private FileMetadataReader reader;
    private FolderLake lake;

    @BeforeEach
    void lake() throws Exception {
        for (String table : List.of("a", "b", "c")) {
            write(table, 0, 100_000);
            write(table, 1, 100_000);
        }
        reader = new FileMetadataReader();
        lake = new FolderLake(root.resolve("lake").toString(), stores, new MetadataCopies(root.resolve(".footers"), stores), reader);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : closing) {
            resource.close();
        }
        reader.close();
    }

    @Test
    void aLoadedTableIsReadFromMemoryWithTheSameRowsUntilItsDataChanges() throws Exception {
        DuckDbEngine engine = engine();
        List<String> events = new ArrayList<>();
        MemoryTables tables = new MemoryTables(engine, 1L << 30, RamCompression.COMPRESSED, recording(events));
        LakeCalciteTable a = table("a");
        try (MemoryTables.Reading reading = tables.reading()) {
            assertTrue(reading.lookup(a).isEmpty(), "nothing held yet");
        }
        assertTrue(tables.load(a, engine.cache()));
        assertEquals(List.of("+a-0.parquet", "+a-1.parquet"), events, "the cache directory learns its files are in RAM");
        try (MemoryTables.Reading reading = tables.reading()) {
            String relation = reading.lookup(a).orElseThrow();
            assertEquals(answer(engine, "read_parquet('" + root.resolve("lake/s/a/*.parquet") + "')"), answer(engine, relation));
            assertEquals(2, reading.usage().ramFiles());
            assertEquals(2, reading.files().size());
        }
        assertEquals(new MemoryTables.Stats(1, 2, tables.stats().bytes(), 1L << 30), tables.stats());
        assertTrue(tables.stats().bytes() > 0);

        write("a", 1, 100_001); // a file of the table replaced: a new version of its data
        try (MemoryTables.Reading reading = tables.reading()) {
            assertTrue(reading.lookup(table("a")).isEmpty(), "the copy of the older data is never read for the newer");
        }
    }

    @Test
    void theLeastRecentlyUsedLeaveOverTheBudgetButNotWhileAQueryReadsThem() throws Exception {
        DuckDbEngine measuring = engine();
        MemoryTables measure = new MemoryTables(measuring, 1L << 30, RamCompression.UNCOMPRESSED, CacheListener.NONE);
        measure.load(table("a"), measuring.cache());
        long oneTable = measure.stats().bytes();

        DuckDbEngine engine = engine();
        List<String> events = new ArrayList<>();
        MemoryTables tables = new MemoryTables(engine, oneTable * 3 / 2, RamCompression.UNCOMPRESSED, recording(events));
        assertTrue(tables.load(table("a"), engine.cache()));
        try (MemoryTables.Reading reading = tables.reading()) {
            String a = reading.lookup(table("a")).orElseThrow();
            assertFalse(tables.load(table("b"), engine.cache()), "no room for b while a query reads a");
            assertEquals(1, tables.stats().tables());
            assertEquals(answer(engine, "read_parquet('" + root.resolve("lake/s/a/*.parquet") + "')"), answer(engine, a), "a is still there");
        }
        assertTrue(tables.load(table("b"), engine.cache()), "once that query is done, a makes room");
        assertTrue(tables.load(table("c"), engine.cache()));
        try (MemoryTables.Reading reading = tables.reading()) {
            assertTrue(reading.lookup(table("a")).isEmpty());
            assertTrue(reading.lookup(table("b")).isEmpty(), "b, the least recently used, left for c");
            assertTrue(reading.lookup(table("c")).isPresent());
        }
        assertTrue(tables.stats().bytes() <= oneTable * 3 / 2);
        assertEquals(List.of("+a-0.parquet", "+a-1.parquet", "-a-0.parquet", "-a-1.parquet", "+b-0.parquet",
                "+b-1.parquet", "-b-0.parquet", "-b-1.parquet", "+c-0.parquet", "+c-1.parquet"), events);
    }

    @Test
    void compressedTablesTakeLessMemoryThanUncompressedOnes() throws Exception {
        DuckDbEngine compressedEngine = engine();
        MemoryTables compressed = new MemoryTables(compressedEngine, 1L << 30, RamCompression.COMPRESSED, CacheListener.NONE);
        DuckDbEngine plainEngine = engine();
        MemoryTables plain = new MemoryTables(plainEngine, 1L << 30, RamCompression.UNCOMPRESSED, CacheListener.NONE);
        assertTrue(compressed.load(table("a"), compressedEngine.cache()));
        assertTrue(plain.load(table("a"), plainEngine.cache()));
        assertTrue(compressed.stats().bytes() < plain.stats().bytes(), compressed.stats() + " vs " + plain.stats());
    }

    @Test
    void anAddedDeleteFileIsANewVersionOfTheRows() {
        Split data = new Split("s3://lake/t/a.parquet", 1000, 10, "\"v1\"", Map.of());
        Split deleted = new Split(data.path(), data.sizeBytes(), data.rowCount(), data.version(), Map.of(),
                List.of(new StoredObject("s3://lake/t/a-deletes.parquet", 100, "\"d1\"")));
        LakeTable before = new LakeTable("lake", "t", List.of(), List.of(data), ScanRenderer.files(FileFormat.PARQUET));
        LakeTable after = new LakeTable("lake", "t", List.of(), List.of(deleted), ScanRenderer.files(FileFormat.PARQUET));
        assertNotEquals(MemoryTables.keyOf(before), MemoryTables.keyOf(after));
        assertEquals(MemoryTables.keyOf(before), MemoryTables.keyOf(new LakeTable("lake", "t", List.of(), List.of(data), ScanRenderer.files(FileFormat.PARQUET))));
    }

    @Test
    void withoutABudgetNothingIsHeld() throws Exception {
        DuckDbEngine engine = engine();
        MemoryTables none = MemoryTables.none(engine);
        assertFalse(none.load(table("a"), engine.cache()));
        assertEquals(0, none.stats().tables());
    }

    private LakeCalciteTable table(String name) {
        return new LakeCalciteTable(lake, "s", name);
    }

    private DuckDbEngine engine() {
        DuckDbEngine engine = new DuckDbEngine(new EngineLimits(1, "1GB", "1GB"), new FileCache(root.resolve("cache-" + closing.size()), 1L << 30, stores), List.of(root.resolve("lake")));
        closing.add(engine);
        return engine;
    }

    // Each file's rows differ with its table and number; repetitive enough to compress well.
    private void write(String table, int file, int rows) throws Exception {
        Path folder = Files.createDirectories(root.resolve("lake").resolve("s").resolve(table));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT i AS id, i % 13 AS bucket, '" + table + "-' || (i % 5) AS label FROM range(" + file * 1_000_000 + ", "
                    + (file * 1_000_000 + rows) + ") t(i)) TO '" + folder.resolve(table + "-" + file + ".parquet") + "' (FORMAT parquet)");
        }
    }

    private static String answer(DuckDbEngine engine, String relation) throws Exception {
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) || ' ' || sum(id) || ' ' || sum(bucket) || ' ' || min(label) || ' ' || max(label) FROM " + relation)) {
            result.next();
            return result.getString(1);
        }
    }

    private static CacheListener recording(List<String> events) {
        return CacheListener.of(file -> events.add("+" + file.fileName()), file -> events.add("-" + file.fileName()));
    }
}
