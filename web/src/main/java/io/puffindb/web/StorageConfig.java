package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.store.S3Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * Where lake files come from and where engines cache them: S3 access, the folder under which each
 * engine keeps its own cache, the byte budget of a worker's and of the MONOSTORE's cache, and the
 * Iceberg catalogs to mount besides the lake's folders.
 */
public record StorageConfig(S3Settings s3, Path cacheDir, long workerCacheBytes, long monostoreCacheBytes, List<IcebergCatalogConfig> icebergCatalogs) {
    public StorageConfig {
        requireNonNull(s3, "s3 is null");
        requireNonNull(cacheDir, "cacheDir is null");
        icebergCatalogs = List.copyOf(icebergCatalogs);
    }

    /** AWS defaults, caches under the system's temp folder, 10 GiB per worker and 20 GiB on the MONOSTORE. */
    public static StorageConfig defaults() {
        return new StorageConfig(S3Settings.AWS_DEFAULTS, Path.of(System.getProperty("java.io.tmpdir"), "puffindb-cache"), 10L << 30, 20L << 30, List.of());
    }
}
