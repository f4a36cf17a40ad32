package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.PlanDescription;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.TpcdsLakeGenerator;
import io.puffindb.web.PuffinConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 99 TPC-DS queries (DuckDB's qualification texts, read from the folder {@code PUFFINDB_TPCDS_QUERIES}
 * names — test data kept outside the repository) over TPC-DS at SF 0.01, through the distributed path
 * (fleet costs, 2 in-process workers), each answer compared with DuckDB alone on the same files: values,
 * types and column names.
 */
class TpcdsSuiteTest {
    private static final String QUERIES = "PUFFINDB_TPCDS_QUERIES";

    @TempDir
    static Path lake;
    static CheckedService puffin;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(queryFolder().isPresent(), QUERIES + " names no folder of TPC-DS queries (.ci/run sets it from ../shared/tpcds/queries)");
        new TpcdsLakeGenerator(0.01).generate(lake.resolve("tpcds"), GenerationProgress.SILENT);
        puffin = CheckedService.start(lake, PuffinConfig.embedded(lake, 0, 2).withDefaultSchema("tpcds").withCostShape(DeploymentCosts.Shape.FLEET), "tpcds");
    }

    @AfterAll
    static void stop() throws Exception {
        if (puffin != null) { // null when the queries were not found and the class was skipped
            puffin.close();
        }
    }

    @Test
    void everyQueryAnswersAsDuckDbAloneDoes() throws Exception {
        List<Path> queries = queries();
        assertEquals(99, queries.size(), "the TPC-DS queries in " + queryFolder().orElseThrow());
        List<String> failures = new ArrayList<>();
        for (Path file : queries) {
            String name = "tpcds-q" + file.getFileName().toString().replace(".sql", "");
            QueryCase query = new QueryCase(name, "tpcds", file, Files.readString(file), Optional.empty(), false, Optional.empty());
            puffin.checker().failure(query).ifPresent(failure -> failures.add(name + ": " + failure.lines().limit(6).reduce((a, b) -> a + "\n    " + b).orElse("")));
        }
        assertEquals(List.of(), failures, failures.size() + " of " + queries.size() + " TPC-DS queries differ from DuckDB alone:\n" + String.join("\n", failures));
    }

    @Test
    void everyPlanIsLabelledInSqlTerms() throws Exception {
        Pattern calciteNames = Pattern.compile("\\$[0-9]|EXPR\\$");
        List<String> unreadable = new ArrayList<>();
        for (Path file : queries()) {
            for (PlanDescription node : puffin.service().executor().explain(Files.readString(file)).plan().allNodes()) {
                if (calciteNames.matcher(node.label()).find()) {
                    unreadable.add(file.getFileName() + " " + node.operator() + ": " + node.label());
                }
            }
        }
        assertEquals(List.of(), unreadable, "labels with Calcite's names");
    }

    private static Optional<Path> queryFolder() {
        return Optional.ofNullable(System.getenv(QUERIES)).map(Path::of).filter(Files::isDirectory);
    }

    private static List<Path> queries() throws IOException {
        try (Stream<Path> files = Files.list(queryFolder().orElseThrow())) {
            return files.filter(file -> file.getFileName().toString().matches("\\d+\\.sql")).sorted().toList();
        }
    }
}
