package io.puffindb.testqueries;

import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.MiscLakeGenerator;
import io.puffindb.lake.demo.TpchLakeGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datasets cases name in their {@code -- dataset:} header, each a schema of tables written by the
 * demo lake's generators: {@code tpch} (TPC-H SF 0.01) and {@code misc} (the hand-made tables).
 */
public final class Datasets {
    private static final Map<String, List<String>> TABLES = Map.of(
            "tpch", TpchLakeGenerator.tableNames(),
            MiscLakeGenerator.SCHEMA, MiscLakeGenerator.tableNames());

    private Datasets() {
    }

    /** The datasets this suite knows, sorted. */
    public static List<String> names() {
        return TABLES.keySet().stream().sorted().toList();
    }

    /** The tables a dataset holds, or empty for a dataset this suite does not know. */
    public static Optional<List<String>> tables(String dataset) {
        return Optional.ofNullable(TABLES.get(dataset));
    }

    /** Writes the datasets missing from a lake folder (for DuckDB alone, or a service started on it), with the demo's generators. */
    public static void ensure(Path lake) throws Exception {
        if (!Files.isDirectory(lake.resolve("tpch"))) {
            Files.createDirectories(lake);
            new TpchLakeGenerator(0.01).generate(lake.resolve("tpch"), GenerationProgress.SILENT);
        }
        MiscLakeGenerator.writeMissing(lake, GenerationProgress.SILENT);
    }
}
