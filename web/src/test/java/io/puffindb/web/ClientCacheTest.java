package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCacheTest {
    @TempDir
    Path folder;

    @Test
    void outlivesTheProcessAndEvictsTheLeastRecentlyUsedOverItsBudget() throws Exception {
        StoredObject a = file("a", 400);
        StoredObject b = file("b", 400);
        StoredObject c = file("c", 400);
        ClientCache cache = new ClientCache(folder, 1000);
        assertTrue(cache.add(a, content(400)));
        assertTrue(cache.add(b, content(400)));
        Thread.sleep(5);
        cache.used(List.of(a)); // b is now the least recently used
        assertTrue(cache.add(c, content(400)));
        assertFalse(cache.holds(b));
        assertTrue(Files.notExists(folder.resolve(FileCache.nameOf(b))));
        assertFalse(cache.add(file("huge", 2000), content(2000)), "larger than the whole budget");

        ClientCache reopened = new ClientCache(folder, 1000);
        assertEquals(List.of(a, c), reopened.files().stream().sorted(Comparator.comparing(StoredObject::uri)).toList());
        assertEquals(400, Files.size(folder.resolve(FileCache.nameOf(c))), "under the name the service's SQL uses");
    }

    @Test
    void aVersionItDoesNotHoldIsNotHeld() throws Exception {
        ClientCache cache = new ClientCache(folder, 1000);
        cache.add(new StoredObject("s3://lake/t/a.parquet", 10, "etag-1"), content(10));
        assertTrue(cache.holds(new StoredObject("s3://lake/t/a.parquet", 10, "etag-1")));
        assertFalse(cache.holds(new StoredObject("s3://lake/t/a.parquet", 10, "etag-2")), "the file changed in the lake");
    }

    private static StoredObject file(String name, long size) {
        return new StoredObject("s3://lake/t/" + name + ".parquet", size, "etag-" + name);
    }

    private static ByteArrayInputStream content(int size) {
        return new ByteArrayInputStream(new byte[size]);
    }
}
