package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.cache.RamCopy;
import io.puffindb.lake.store.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where lake files come from and where engines cache them: S3 access, the folder under which each
 * engine keeps its own cache, the byte budget of a worker's and of the MONOSTORE's cache, the
 * Iceberg catalogs to mount besides the lake's folders, folders of Delta and of Hudi tables by
 * schema name, and the RAM layers (a folder on a RAM-backed file system; the MONOSTORE's budget,
 * 0 turning it off; and how RAM copies are written: as stored or uncompressed).
 */
public record StorageConfig(S3Settings s3, Path cacheDir, long workerCacheBytes, long monostoreCacheBytes, List<IcebergCatalogConfig> icebergCatalogs,
        Map<String, String> deltaLakes, Map<String, String> hudiLakes, Path ramDir, long monostoreRamBytes, RamCopy ramCopy) {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    public StorageConfig {
        requireNonNull(s3, "s3 is null");
        requireNonNull(cacheDir, "cacheDir is null");
        requireNonNull(ramDir, "ramDir is null");
        requireNonNull(ramCopy, "ramCopy is null");
        icebergCatalogs = List.copyOf(icebergCatalogs);
        deltaLakes = Map.copyOf(deltaLakes);
        hudiLakes = Map.copyOf(hudiLakes);
    }

    public StorageConfig(S3Settings s3, Path cacheDir, long workerCacheBytes, long monostoreCacheBytes, List<IcebergCatalogConfig> icebergCatalogs) {
        this(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, Map.of(), Map.of(), defaultRamDir(), 0, RamCopy.AS_STORED);
    }

    /** The same, with a folder of Delta tables (local or {@code s3://}) appearing as schema {@code name}. */
    public StorageConfig withDeltaLake(String name, String path) {
        return new StorageConfig(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, with(deltaLakes, name, path), hudiLakes,
                ramDir, monostoreRamBytes, ramCopy);
    }

    /** The same, with a folder of Hudi copy-on-write tables (local or {@code s3://}) appearing as schema {@code name}. */
    public StorageConfig withHudiLake(String name, String path) {
        return new StorageConfig(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, deltaLakes, with(hudiLakes, name, path),
                ramDir, monostoreRamBytes, ramCopy);
    }

    /** The same, with a MONOSTORE RAM layer of {@code bytes} in {@code folder}. */
    public StorageConfig withMonostoreRam(Path folder, long bytes) {
        return new StorageConfig(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, deltaLakes, hudiLakes, folder, bytes, ramCopy);
    }

    /** The same, writing RAM copies this way. */
    public StorageConfig withRamCopy(RamCopy copy) {
        return new StorageConfig(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, deltaLakes, hudiLakes, ramDir, monostoreRamBytes, copy);
    }

    private static Map<String, String> with(Map<String, String> lakes, String name, String path) {
        Map<String, String> more = new java.util.TreeMap<>(lakes);
        more.put(name, path);
        return more;
    }

    /**
     * AWS defaults, caches under the system's temp folder, 10 GiB per worker and 20 GiB on the
     * MONOSTORE, and 1 GiB of RAM on the MONOSTORE where /dev/shm exists (none elsewhere: a RAM layer
     * on disk would only be a second SSD cache).
     */
    public static StorageConfig defaults() {
        return new StorageConfig(S3Settings.AWS_DEFAULTS, Path.of(System.getProperty("java.io.tmpdir"), "puffindb-cache"), 10L << 30, 20L << 30, List.of())
                .withMonostoreRam(defaultRamDir(), Files.isDirectory(SHARED_MEMORY) ? 1L << 30 : 0);
    }

    private static Path defaultRamDir() {
        return Files.isDirectory(SHARED_MEMORY) ? SHARED_MEMORY.resolve("puffindb-ram") : Path.of(System.getProperty("java.io.tmpdir"), "puffindb-ram");
    }
}
