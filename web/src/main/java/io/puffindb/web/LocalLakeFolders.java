package io.puffindb.web;

import io.puffindb.lake.store.ObjectStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local folders an engine's DuckDB reads lake files from, by the configuration: the lake's own
 * (when it is a folder), those of Delta and Hudi tables, and local Iceberg warehouses. Remote lakes
 * (s3://) have none: their files are read from the engines' caches.
 */
final class LocalLakeFolders {
    private LocalLakeFolders() {
    }

    static List<Path> of(PuffinConfig config) {
        StorageConfig storage = config.storage();
        List<Path> folders = new ArrayList<>();
        Stream.of(Stream.of(config.lake()), storage.deltaLakes().values().stream(), storage.hudiLakes().values().stream(),
                        storage.icebergCatalogs().stream().map(IcebergCatalogConfig::warehouse))
                .flatMap(locations -> locations)
                .filter(LocalLakeFolders::isLocal)
                .map(location -> Path.of(ObjectStores.location(location)).toAbsolutePath().normalize())
                .distinct()
                .forEach(folders::add);
        return folders;
    }

    private static boolean isLocal(String location) {
        return !location.contains("://") || location.startsWith("file:");
    }
}
