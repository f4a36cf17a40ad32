package io.puffindb.web;

import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.IcebergDemoCopy;
import io.puffindb.lake.demo.MiscLakeGenerator;
import io.puffindb.lake.iceberg.IcebergCatalogs;
import io.puffindb.lake.iceberg.IcebergTableWriter;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.demo.TpchLakeGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty lake folder with every dataset the regression suite reads, so that the embedded
 * default has data to query and {@code puffindb regress} passes against it: TPC-H as plain Parquet
 * ({@code tpch.*}) and as Iceberg tables in the lake's own catalog ({@code iceberg.tpch.*}), and the
 * hand-made tables ({@code misc.*}).
 */
final class DemoLake {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLake.class);
    static final String CATALOG_NAME = "iceberg";

    private DemoLake() {
    }

    /** The lake folder's own Iceberg catalog: a SQLite file and a warehouse in a hidden folder of the lake. */
    static IcebergCatalogConfig catalogOf(Path lake) {
        Path folder = lake.toAbsolutePath().resolve(".iceberg");
        return new IcebergCatalogConfig(CATALOG_NAME, "jdbc:sqlite:" + folder.resolve("catalog.db"), folder.resolve("warehouse").toString());
    }

    static boolean hasCatalog(Path lake) {
        return Files.exists(lake.resolve(".iceberg").resolve("catalog.db"));
    }

    /** Generates {@code lake/tpch}, its Iceberg copy and {@code lake/misc} when the lake folder is missing or empty; leaves any other lake alone. */
    static void ensure(Path lake, double scaleFactor, ObjectStores stores, FileMetadataReader metadataReader, GenerationProgress progress) {
        try {
            Files.createDirectories(lake);
            try (Stream<Path> children = Files.list(lake)) {
                if (children.anyMatch(child -> !child.getFileName().toString().startsWith("."))) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Lake {} is empty: generating TPC-H at scale factor {} and the misc tables", lake.toAbsolutePath(), scaleFactor);
        new TpchLakeGenerator(scaleFactor).generate(lake.resolve("tpch"), progress);
        MiscLakeGenerator.writeMissing(lake, progress);
        IcebergCatalogConfig config = catalogOf(lake);
        try {
            Files.createDirectories(lake.resolve(".iceberg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JdbcCatalog catalog = IcebergCatalogs.jdbc(config.name(), config.uri(), config.warehouse(), stores)) {
            IcebergTableWriter writer = new IcebergTableWriter(catalog, stores, metadataReader, lake.resolve(".iceberg").resolve("scratch"));
            new IcebergDemoCopy(catalog, writer, metadataReader).copy(lake.resolve("tpch"), "tpch", progress);
        }
    }
}
