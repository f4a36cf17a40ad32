package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case under {@code test-queries/cases}, run by {@code puffindb regress --server} (its own main)
 * against the embedded default started on an empty lake folder (2 in-process workers), and again with
 * fleet costs (the distributed path): the demo lake
 * it writes holds every dataset the cases read. DuckDB alone is checked against the expected files too
 * ({@code --lake}), and every case has its expected file, so that {@code regress --server} alone passes.
 */
class RegressionSuiteTest {
    private static final Path CASES = Path.of("cases");

    @TempDir
    static Path lake;
    static EmbeddedService service;

    @BeforeAll
    static void start() {
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void everyCasePassesAgainstTheEmbeddedDefault(@TempDir Path output) throws Exception {
        Path json = output.resolve("regress.json");
        Regress regress = regress("--server", url(service), "--cases", CASES.toString(), "--lake", lake.toString(), "--json", json.toString());

        List<QueryCase> cases = CaseLoader.loadAll(CASES);
        long skipped = assertEveryCasePassed(regress, cases);
        assertTrue(regress.output().contains("joins "), "a summary line per topic folder:\n" + regress.output());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(cases.size(), report.path("cases").size());
        assertEquals(0, report.path("failed").asInt());
        assertEquals(skipped, report.path("skipped").asLong());
    }

    /** The same cases planned as for a fleet: scans fan out to the in-process workers, answers compared with the expected files. */
    @Test
    void everyCasePassesWithFleetCosts() throws Exception {
        try (EmbeddedService fleet = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withCostShape(DeploymentCosts.Shape.FLEET),
                GenerationProgress.SILENT)) {
            assertEveryCasePassed(regress("--server", url(fleet), "--cases", CASES.toString()), CaseLoader.loadAll(CASES));
        }
    }

    // Every case but the known failures passed; answers how many were skipped.
    private static long assertEveryCasePassed(Regress regress, List<QueryCase> cases) {
        long skipped = cases.stream().filter(queryCase -> queryCase.knownFailure().isPresent()).count();
        assertEquals(0, regress.status(), regress.output());
        assertEquals((cases.size() - skipped) + " passed, 0 failed", regress.lastLine(), regress.output());
        return skipped;
    }

    /** Without {@code --lake} regress has no DuckDB to ask, so a case passes there only with its expected file checked in. */
    @Test
    void everyCaseThatExpectsRowsHasItsExpectedFile() {
        List<String> without = CaseLoader.loadAll(CASES).stream()
                .filter(queryCase -> queryCase.expectedError().isEmpty() && ExpectedResult.read(queryCase).isEmpty())
                .map(QueryCase::name)
                .toList();
        assertEquals(List.of(), without, "regenerate with ./puffindb regress --regenerate --lake DIR");
    }

    @Test
    void aServiceWithoutMiscIsToldUpFrontAndASubsetStillRuns(@TempDir Path tpchOnly) throws Exception {
        copyFolder(lake.resolve("tpch"), tpchOnly.resolve("tpch"));
        try (EmbeddedService withoutMisc = EmbeddedService.start(PuffinConfig.embedded(tpchOnly, 0, 1), GenerationProgress.SILENT)) {
            Regress all = regress("--server", url(withoutMisc), "--cases", CASES.toString());
            assertEquals(RegressMain.DATASETS_MISSING, all.status(), all.output());
            assertTrue(all.output().contains("dataset misc: missing tables cities, nested, nothing, people, texts, visits"), all.output());
            assertTrue(all.output().contains("aggregate_nulls"), "names the cases that read misc:\n" + all.output());
            assertFalse(all.output().contains("dataset tpch"), all.output());
            assertFalse(all.output().contains("passed,") || all.output().contains("FAIL "), "no case ran:\n" + all.output());

            Regress subset = regress("--server", url(withoutMisc), "--cases", CASES.resolve("results").toString(), "--dataset", "tpch");
            assertEquals(0, subset.status(), subset.output());
            assertEquals("3 passed, 0 failed", subset.lastLine(), subset.output());
        }
    }

    private static String url(EmbeddedService service) {
        return "http://127.0.0.1:" + service.port();
    }

    private record Regress(int status, String output) {
        String lastLine() {
            List<String> lines = output.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private static Regress regress(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int status = RegressMain.run(args, out);
            return new Regress(status, bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }
}
