package io.puffindb.lake.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {
    @TempDir
    Path lake;
    @TempDir
    Path cacheDir;

    private final ObjectStores stores = new ObjectStores(List.of(new LocalObjectStore()));

    @Test
    void neverHoldsMoreThanItsBudgetAndEvictsTheLeastRecentlyUsedFirst() throws Exception {
        StoredObject a = lakeFile("a.parquet", 400);
        StoredObject b = lakeFile("b.parquet", 400);
        StoredObject c = lakeFile("c.parquet", 400);
        try (FileCache cache = new FileCache(cacheDir, 1000, stores)) {
            cache.stage(List.of(a)).close();
            cache.stage(List.of(b)).close();
            cache.stage(List.of(a)).close(); // a is now more recent than b
            cache.stage(List.of(c)).close();
            assertEquals(List.of(a, c), cache.contents(), "b, the least recently used, was evicted");
            assertEquals(800, cache.stats().bytes());
            assertTrue(cache.stats().bytes() <= 1000);
            assertEquals(1, cache.stats().evictions());
            assertEquals(1, cache.stats().hits());
            assertEquals(3, cache.stats().misses());
            assertTrue(Files.exists(cacheDir.resolve(FileCache.nameOf(c))));
            assertTrue(Files.notExists(cacheDir.resolve(FileCache.nameOf(b))));
        }
    }

    @Test
    void keepsFilesARunningQueryReadsAndDropsThemAfterwardsWhenOverBudget() throws Exception {
        StoredObject big = lakeFile("big.parquet", 1500);
        try (FileCache cache = new FileCache(cacheDir, 1000, stores)) {
            try (FileCache.Lease lease = cache.stage(List.of(big))) {
                assertTrue(Files.exists(cacheDir.resolve(FileCache.nameOf(big))), "present while the query runs");
            }
            assertEquals(0, cache.stats().bytes());
            assertTrue(Files.notExists(cacheDir.resolve(FileCache.nameOf(big))));
        }
    }

    @Test
    void aChangedFileIsCachedUnderANewNameAndFetchedAgain() throws Exception {
        StoredObject before = lakeFile("t.parquet", 100);
        try (FileCache cache = new FileCache(cacheDir, 10_000, stores)) {
            cache.stage(List.of(before)).close();
            Thread.sleep(5);
            StoredObject after = lakeFile("t.parquet", 120);
            assertNotEquals(FileCache.nameOf(before), FileCache.nameOf(after));
            cache.stage(List.of(after)).close();
            assertEquals(2, cache.stats().misses());
            assertEquals(120, Files.size(cacheDir.resolve(FileCache.nameOf(after))));
        }
    }

    @Test
    void itsListenerFollowsAdmissionsEvictionsAndClosing() throws Exception {
        StoredObject a = lakeFile("a.parquet", 600);
        StoredObject b = lakeFile("b.parquet", 600);
        List<String> events = new ArrayList<>();
        CacheListener listener = recording(events);
        try (FileCache cache = new FileCache(cacheDir, 1000, stores, listener)) {
            cache.stage(List.of(a)).close();
            cache.stage(List.of(b)).close();
        }
        assertEquals(List.of("+a.parquet", "+b.parquet", "-a.parquet", "closed"), events);
    }

    @Test
    void promotionCopiesFromAnotherCacheOnlyWhatIsMissingAndFits() throws Exception {
        StoredObject a = lakeFile("a.parquet", 300);
        StoredObject huge = lakeFile("huge.parquet", 5000);
        Path otherDir = Files.createDirectories(lake.resolve("other-cache"));
        try (FileCache lower = new FileCache(otherDir, 10_000, stores); FileCache upper = new FileCache(cacheDir, 1000, stores)) {
            lower.stage(List.of(a)).close();
            try (FileCache.Pinned pinned = lower.pinIfCached(a).orElseThrow()) {
                assertTrue(upper.promote(a, target -> Files.copy(pinned.path(), target)));
                assertFalse(upper.promote(a, target -> Files.copy(pinned.path(), target)), "already there");
            }
            assertFalse(upper.promote(huge, target -> Files.write(target, new byte[5000])), "larger than the whole budget");
            assertEquals(List.of(a), upper.contents());
            assertEquals(1, upper.stats().promotedIn());
            assertEquals(0, upper.stats().bytesFetched(), "nothing came from the lake");
            assertTrue(lower.pinIfCached(huge).isEmpty());
        }
    }

    @Test
    void aPinnedFileOutlivesEvictionUntilReleased() throws Exception {
        StoredObject a = lakeFile("a.parquet", 600);
        StoredObject b = lakeFile("b.parquet", 600);
        try (FileCache cache = new FileCache(cacheDir, 1000, stores)) {
            cache.stage(List.of(a)).close();
            FileCache.Pinned pinned = cache.pinIfCached(a).orElseThrow();
            cache.stage(List.of(b)).close();
            assertEquals(List.of(a), cache.contents(), "b made way: a is pinned");
            assertTrue(Files.exists(pinned.path()));
            pinned.close();
            cache.stage(List.of(b)).close();
            assertEquals(List.of(b), cache.contents(), "unpinned, a is evicted like any file");
            assertTrue(Files.notExists(pinned.path()));
        }
    }

    @Test
    void hotFilesMoveIntoRamUnderTheirNamesAndTheLeastRecentlyUsedLeaveFirst() throws Exception {
        StoredObject a = lakeFile("a.parquet", 400);
        StoredObject b = lakeFile("b.parquet", 400);
        StoredObject c = lakeFile("c.parquet", 400);
        Path ramDir = lake.resolve("ram");
        List<String> events = new ArrayList<>();
        try (FileCache cache = new FileCache(cacheDir, 10_000, stores, CacheListener.NONE, new RamLayer(ramDir, 1000, recording(events)))) {
            cache.stage(List.of(a, b, c)).close();
            assertTrue(cache.promoteToRam(a));
            assertFalse(cache.promoteToRam(a), "already in RAM");
            Path name = cacheDir.resolve(FileCache.nameOf(a));
            assertTrue(Files.isSymbolicLink(name));
            assertEquals(ramDir.resolve(FileCache.nameOf(a)), Files.readSymbolicLink(name));
            assertArrayEquals(Files.readAllBytes(lake.resolve("a.parquet")), Files.readAllBytes(name), "the same bytes under the same name");

            assertTrue(cache.promoteToRam(b));
            try (FileCache.Lease lease = cache.stage(List.of(a, c))) {
                assertEquals(1, lease.usage().ramFiles(), "a came from RAM, c from the SSD");
                assertEquals(2, lease.usage().cachedFiles());
            }
            assertTrue(cache.promoteToRam(c), "b, the least recently used in RAM, makes room");
            assertEquals(2, cache.stats().ramFiles());
            assertEquals(800, cache.stats().ramBytes());
            Path bName = cacheDir.resolve(FileCache.nameOf(b));
            assertFalse(Files.isSymbolicLink(bName), "b is read from the SSD again");
            assertArrayEquals(Files.readAllBytes(lake.resolve("b.parquet")), Files.readAllBytes(bName));
            assertTrue(Files.notExists(ramDir.resolve(FileCache.nameOf(b))));
            assertEquals(3, cache.contents().size(), "leaving RAM is not leaving the cache");
        }
        assertEquals(List.of("+a.parquet", "+b.parquet", "+c.parquet", "-b.parquet", "closed"), events);
        assertTrue(Files.notExists(ramDir), "the RAM layer goes with its cache");
    }

    @Test
    void aFileEvictedFromTheSsdLeavesRamToo() throws Exception {
        StoredObject a = lakeFile("a.parquet", 600);
        StoredObject b = lakeFile("b.parquet", 600);
        Path ramDir = lake.resolve("ram");
        try (FileCache cache = new FileCache(cacheDir, 1000, stores, CacheListener.NONE, new RamLayer(ramDir, 1000, CacheListener.NONE))) {
            cache.stage(List.of(a)).close();
            assertTrue(cache.promoteToRam(a));
            cache.stage(List.of(b)).close();
            assertEquals(List.of(b), cache.contents());
            assertEquals(0, cache.stats().ramBytes());
            try (Stream<Path> left = Stream.concat(Files.list(cacheDir), Files.list(ramDir))) {
                assertEquals(List.of(cacheDir.resolve(FileCache.nameOf(b))), left.toList(), "no link, SSD copy or RAM copy of a is left");
            }
        }
    }

    @Test
    void anUncompressedRamCompressionHasTheSameRowsInOrderAndFieldIdsAndCountsItsOwnSize() throws Exception {
        Path file = lake.resolve("ids.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT i AS id, 'row ' || (i % 7) AS label, CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1.5 END AS amount"
                    + " FROM range(20000) t(i)) TO '" + file + "' (FORMAT parquet, COMPRESSION zstd, FIELD_IDS {id: 11, label: 12, amount: 13})");
        }
        StoredObject ids = new LocalObjectStore().stat(file.toString()).orElseThrow();
        Path ramDir = lake.resolve("ram");
        try (FileCache cache = new FileCache(cacheDir, 10_000_000, stores, CacheListener.NONE,
                new RamLayer(ramDir, 10_000_000, RamCompression.UNCOMPRESSED, CacheListener.NONE))) {
            cache.stage(List.of(ids)).close();
            assertTrue(cache.promoteToRam(ids));
            Path name = cacheDir.resolve(FileCache.nameOf(ids));
            long ramSize = Files.size(ramDir.resolve(FileCache.nameOf(ids)));
            assertTrue(ramSize > ids.size(), "uncompressed is larger: " + ramSize + " vs " + ids.size());
            assertEquals(ramSize, cache.stats().ramBytes(), "the budget counts the RAM copy, not the file");
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
                assertEquals(List.of("11 UNCOMPRESSED", "12 UNCOMPRESSED", "13 UNCOMPRESSED"), strings(statement,
                        "SELECT DISTINCT s.field_id || ' ' || m.compression FROM parquet_schema('" + name + "') s JOIN parquet_metadata('" + name
                                + "') m ON s.name = m.path_in_schema ORDER BY 1"));
                String rows = "SELECT count(*) || ' ' || sum(CASE WHEN id = file_row_number THEN 1 ELSE 0 END) || ' ' || count(amount) || ' ' || sum(amount)"
                        + " || ' ' || min(label) FROM read_parquet('%s', file_row_number = true)";
                assertEquals(strings(statement, rows.formatted(file)), strings(statement, rows.formatted(name)), "same rows, same order, same NULLs");
                assertEquals(List.of("20000 20000 16000 240000000.0 row 0"), strings(statement, rows.formatted(name)));
            }
        }
    }

    private static List<String> strings(Statement statement, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static CacheListener recording(List<String> events) {
        return new CacheListener() {
            @Override
            public void admitted(StoredObject file) {
                events.add("+" + file.fileName());
            }

            @Override
            public void evicted(StoredObject file) {
                events.add("-" + file.fileName());
            }

            @Override
            public void closed() {
                events.add("closed");
            }
        };
    }

    // Each file's bytes differ from every other's, so a test can tell which copy it reads.
    private StoredObject lakeFile(String name, int bytes) throws Exception {
        Path file = lake.resolve(name);
        byte[] content = new byte[bytes];
        Arrays.fill(content, (byte) name.hashCode());
        Files.write(file, content);
        return new LocalObjectStore().stat(file.toString()).orElseThrow();
    }
}
