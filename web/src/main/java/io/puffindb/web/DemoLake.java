package io.puffindb.web;

import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.TpchLakeGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fills an empty lake folder with TPC-H, so that the embedded default has data to query. */
final class DemoLake {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLake.class);

    private DemoLake() {
    }

    /** Generates {@code lake/tpch} when the lake folder is missing or empty; leaves any other lake alone. */
    static void ensure(Path lake, double scaleFactor, GenerationProgress progress) {
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
        LOG.info("Lake {} is empty: generating TPC-H at scale factor {}", lake.toAbsolutePath(), scaleFactor);
        new TpchLakeGenerator(scaleFactor).generate(lake.resolve("tpch"), progress);
    }
}
