package io.puffindb.lake.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private StoredObject lakeFile(String name, int bytes) throws Exception {
        Path file = lake.resolve(name);
        Files.write(file, new byte[bytes]);
        return new LocalObjectStore().stat(file.toString()).orElseThrow();
    }
}
