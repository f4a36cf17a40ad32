package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.cache.CacheListener;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.cache.RamLayer;
import io.puffindb.lake.store.StoredObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCacheTest {
    @TempDir
    Path folder;
    @TempDir
    Path ram;

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
    void filesAQueryReadGoIntoRamWhichDuckDbSearchesFirstAndTheLeastRecentlyUsedLeaveIt() throws Exception {
        Path viewFolder;
        StoredObject a = file("a", 400);
        StoredObject b = file("b", 400);
        StoredObject c = file("c", 400);
        Path ramFolder = ram.resolve("client");
        ClientCache cache = new ClientCache(folder, 10_000, new RamLayer(ramFolder, 1000, CacheListener.NONE));
        for (StoredObject file : List.of(a, b, c)) {
            cache.add(file, content(400));
        }
        assertEquals(2, cache.promoteToRam(List.of(a, b)));
        try (ClientCache.ReadView view = cache.readView(List.of(a, c, file("not-held", 10)))) {
            assertEquals(ramFolder.resolve(FileCache.nameOf(a)).toAbsolutePath(), Files.readSymbolicLink(view.folder().resolve(FileCache.nameOf(a))),
                    "a file in RAM is read from there, and only from there");
            assertEquals(folder.resolve(FileCache.nameOf(c)).toAbsolutePath(), Files.readSymbolicLink(view.folder().resolve(FileCache.nameOf(c))));
            try (Stream<Path> links = Files.list(view.folder())) {
                assertEquals(2, links.count(), "one name per file held, none for a file not held");
            }
            viewFolder = view.folder();
        }
        assertTrue(Files.notExists(viewFolder), "a run's view goes when it ends");
        assertEquals(0, cache.promoteToRam(List.of(a)), "already in RAM");
        assertEquals(800, cache.ramBytes());
        assertArrayEquals(Files.readAllBytes(folder.resolve(FileCache.nameOf(a))), Files.readAllBytes(ramFolder.resolve(FileCache.nameOf(a))));

        Thread.sleep(5);
        cache.used(List.of(a, c)); // b is now the least recently used
        assertEquals(1, cache.promoteToRam(List.of(c)));
        assertTrue(Files.notExists(ramFolder.resolve(FileCache.nameOf(b))), "b left RAM to make room");
        assertTrue(cache.holds(b), "but not the cache");
        assertEquals(2, cache.ramFiles());

        ClientCache reopened = new ClientCache(folder, 10_000, new RamLayer(ramFolder, 1000, CacheListener.NONE));
        assertEquals(800, reopened.ramBytes(), "the manifest remembers the RAM copies");
        Files.delete(ramFolder.resolve(FileCache.nameOf(a))); // as after a reboot, for a
        assertEquals(400, new ClientCache(folder, 10_000, new RamLayer(ramFolder, 1000, CacheListener.NONE)).ramBytes());
    }

    @Test
    void evictingAFileDropsItsRamCompressionToo() throws Exception {
        Path ramFolder = ram.resolve("client");
        ClientCache cache = new ClientCache(folder, 1000, new RamLayer(ramFolder, 1000, CacheListener.NONE));
        StoredObject a = file("a", 600);
        cache.add(a, content(600));
        cache.promoteToRam(List.of(a));
        cache.add(file("b", 600), content(600));
        assertFalse(cache.holds(a));
        assertTrue(Files.notExists(ramFolder.resolve(FileCache.nameOf(a))));
        assertEquals(0, cache.ramBytes());
    }

    @Test
    void ramFoldersDifferPerCacheFolder() {
        assertEquals(ClientCache.ramFolderFor(folder, ram), ClientCache.ramFolderFor(folder.resolve("."), ram));
        assertFalse(ClientCache.ramFolderFor(folder, ram).equals(ClientCache.ramFolderFor(folder.resolve("other"), ram)));
        assertEquals(ram, ClientCache.ramFolderFor(folder, ram).getParent());
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
