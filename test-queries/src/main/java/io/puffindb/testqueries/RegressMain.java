package io.puffindb.testqueries;

import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.TpchLakeGenerator;
import io.puffindb.web.Credential;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * {@code puffindb regress [--server URL] [--cases DIR] [--lake DIR]}: runs every case against a
 * running deployment, prints each failure with its diff and a last line {@code N passed, N failed}.
 * {@code --regenerate --lake DIR} rewrites the expected result files from DuckDB alone, on purpose.
 */
public final class RegressMain {
    private RegressMain() {
    }

    public static void main(String[] args) throws Exception {
        String server = "http://localhost:8080";
        Path cases = Path.of("test-queries", "cases");
        Path lake = null;
        boolean regenerate = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = args[++i];
                case "--cases" -> cases = Path.of(args[++i]);
                case "--lake" -> lake = Path.of(args[++i]);
                case "--regenerate" -> regenerate = true;
                default -> {
                    System.err.println("usage: puffindb regress [--server URL] [--cases DIR] [--lake DIR] | --regenerate --lake DIR");
                    System.exit(2);
                }
            }
        }
        if (lake != null) {
            ensureDatasets(lake);
        }
        System.exit(regenerate ? regenerate(cases, lake) : run(cases, server, lake));
    }

    /** The lake every case reads: TPC-H at SF 0.01 and the hand-made tables. */
    public static void ensureDatasets(Path lake) throws Exception {
        if (!Files.isDirectory(lake.resolve("tpch"))) {
            Files.createDirectories(lake);
            new TpchLakeGenerator(0.01).generate(lake.resolve("tpch"), GenerationProgress.SILENT);
        }
        MiscDataset.writeMissing(lake);
    }

    private static int regenerate(Path cases, Path lake) throws Exception {
        if (lake == null) {
            System.err.println("--regenerate needs --lake DIR (TPC-H SF 0.01 and the hand-made tables are written there)");
            return 2;
        }
        int written = 0;
        int kept = 0;
        try (BufferAllocator allocator = new RootAllocator(); Oracle oracle = new Oracle(lake, "tpch")) {
            for (QueryCase queryCase : CaseLoader.loadAll(cases)) {
                if (queryCase.expectedError().isPresent()) {
                    continue;
                }
                ResultTable result = oracle.run(queryCase.sql(), allocator);
                // A file that still agrees under the comparison rules (and keeps rows where the case
                // wants them) is left alone, so that the floating-point noise of DuckDB's parallel
                // aggregates does not show up as a diff.
                Optional<ExpectedResult.Expected> current = ExpectedResult.read(queryCase);
                if (current.isPresent() && (current.get().summarized() || !queryCase.checksumOnly())
                        && CaseChecker.differences(current.get(), result, queryCase.sql()).isEmpty()) {
                    kept++;
                } else {
                    ExpectedResult.write(queryCase, result);
                    written++;
                }
            }
        }
        System.out.printf("%d expected results written, %d unchanged%n", written, kept);
        return 0;
    }

    private static int run(Path cases, String server, Path lake) throws Exception {
        List<String> failures = new ArrayList<>();
        int passed = 0;
        try (BufferAllocator allocator = new RootAllocator(); Oracle oracle = lake == null ? null : new Oracle(lake, "tpch")) {
            CaseChecker checker = new CaseChecker(new PuffinClient(URI.create(server), Credential.fromEnvironment(System.getenv())), oracle, allocator);
            for (QueryCase queryCase : CaseLoader.loadAll(cases)) {
                if (queryCase.knownFailure().isPresent()) {
                    System.out.printf("SKIP %s: known failure: %s%n", queryCase.name(), queryCase.knownFailure().get());
                    continue;
                }
                Optional<String> failure;
                try {
                    failure = checker.failure(queryCase);
                } catch (Exception e) {
                    failure = Optional.of(e.toString());
                }
                if (failure.isPresent()) {
                    failures.add(queryCase.name());
                    System.out.printf("FAIL %s (%s)%n%s%n%n", queryCase.name(), queryCase.file(), failure.get());
                } else {
                    passed++;
                }
            }
        }
        System.out.printf("%d passed, %d failed%n", passed, failures.size());
        return failures.isEmpty() ? 0 : 1;
    }
}
