package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.store.S3Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where lake files come from and where engines cache them: S3 access, the folder under which each
 * engine keeps its own cache, the byte budget of a worker's and of the MONOSTORE's cache, the
 * Iceberg catalogs to mount besides the lake's folders, folders of Delta and of Hudi tables by
 * schema name, the databases mounted through JDBC, and the RAM layers' settings.
 */
public record StorageConfig(S3Settings s3, Path cacheDir, long workerCacheBytes, long monostoreCacheBytes, List<IcebergCatalogConfig> icebergCatalogs,
        Map<String, String> deltaLakes, Map<String, String> hudiLakes, List<JdbcDatabase> databases, RamSettings ram) {
    public StorageConfig {
        requireNonNull(s3, "s3 is null");
        requireNonNull(cacheDir, "cacheDir is null");
        requireNonNull(ram, "ram is null");
        icebergCatalogs = List.copyOf(icebergCatalogs);
        deltaLakes = Map.copyOf(deltaLakes);
        hudiLakes = Map.copyOf(hudiLakes);
        databases = List.copyOf(databases);
    }

    /** With no MONOSTORE RAM layer. */
    public StorageConfig(S3Settings s3, Path cacheDir, long workerCacheBytes, long monostoreCacheBytes, List<IcebergCatalogConfig> icebergCatalogs) {
        this(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, Map.of(), Map.of(), List.of(), RamSettings.defaults().withMonostoreBytes(0));
    }

    /** The same, with a folder of Delta tables (local or {@code s3://}) appearing as schema {@code name}. */
    public StorageConfig withDeltaLake(String name, String path) {
        return new StorageConfig(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, with(deltaLakes, name, path), hudiLakes, databases, ram);
    }

    /** The same, with a folder of Hudi copy-on-write tables (local or {@code s3://}) appearing as schema {@code name}. */
    public StorageConfig withHudiLake(String name, String path) {
        return new StorageConfig(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, deltaLakes, with(hudiLakes, name, path), databases, ram);
    }

    /** The same, with these RAM layer settings. */
    public StorageConfig withRam(RamSettings newRam) {
        return new StorageConfig(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, deltaLakes, hudiLakes, databases, newRam);
    }

    /** The same, with a database mounted as schema {@code database.name()}. */
    public StorageConfig withDatabase(JdbcDatabase database) {
        List<JdbcDatabase> more = new java.util.ArrayList<>(databases);
        more.add(database);
        return new StorageConfig(s3, cacheDir, workerCacheBytes, monostoreCacheBytes, icebergCatalogs, deltaLakes, hudiLakes, more, ram);
    }

    private static Map<String, String> with(Map<String, String> lakes, String name, String path) {
        Map<String, String> more = new java.util.TreeMap<>(lakes);
        more.put(name, path);
        return more;
    }

    /** AWS defaults, caches under the system's temp folder, 10 GiB per worker and 20 GiB on the MONOSTORE, the RAM layer's defaults. */
    public static StorageConfig defaults() {
        return new StorageConfig(S3Settings.AWS_DEFAULTS, Path.of(System.getProperty("java.io.tmpdir"), "puffindb-cache"), 10L << 30, 20L << 30, List.of())
                .withRam(RamSettings.defaults());
    }
}
