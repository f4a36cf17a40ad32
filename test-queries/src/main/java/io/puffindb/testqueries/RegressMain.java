package io.puffindb.testqueries;

import io.puffindb.web.Credential;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * {@code puffindb regress [--server URL] [--cases DIR] [--lake DIR] [--dataset NAME]... [--json FILE]}:
 * asks the deployment for the datasets the cases read (and stops, naming them and their cases, when
 * one is missing), runs every case, prints each failure with its diff, a summary by topic folder and
 * a last line {@code N passed, N failed}. {@code --regenerate --lake DIR} rewrites the expected
 * result files from DuckDB alone, on purpose.
 */
public final class RegressMain {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int DATASETS_MISSING = 3;
    private static final String USAGE_TEXT = "usage: puffindb regress [--server URL] [--cases DIR] [--lake DIR] [--dataset NAME]... [--json FILE]"
            + " | regress --regenerate --lake DIR";

    private RegressMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** The command with its arguments, printing to {@code out}; returns the exit status. */
    static int run(String[] args, PrintStream out) throws Exception {
        String server = "http://localhost:8080";
        Path cases = Path.of("test-queries", "cases");
        Path lake = null;
        Path json = null;
        Set<String> datasets = new LinkedHashSet<>();
        boolean regenerate = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--regenerate")) {
                regenerate = true;
                continue;
            }
            String flag = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            switch (value == null ? "" : flag) {
                case "--server" -> server = value;
                case "--cases" -> cases = Path.of(value);
                case "--lake" -> lake = Path.of(value);
                case "--json" -> json = Path.of(value);
                case "--dataset" -> datasets.add(value);
                default -> {
                    out.println(USAGE_TEXT);
                    return USAGE;
                }
            }
        }
        List<QueryCase> selected = select(CaseLoader.loadAll(cases), datasets, out);
        if (selected == null) {
            return USAGE;
        }
        if (lake != null) {
            Datasets.ensure(lake);
        }
        return regenerate ? regenerate(selected, lake, out) : check(selected, cases, server, lake, json, out);
    }

    /** The cases of the datasets asked for (all when none), or null after saying that a dataset has no case. */
    private static List<QueryCase> select(List<QueryCase> all, Set<String> datasets, PrintStream out) {
        Set<String> used = new TreeSet<>();
        all.forEach(queryCase -> used.add(queryCase.dataset()));
        for (String dataset : datasets) {
            if (!used.contains(dataset)) {
                out.printf("No case reads dataset '%s' (the cases read: %s)%n", dataset, String.join(", ", used));
                return null;
            }
        }
        return datasets.isEmpty() ? all : all.stream().filter(queryCase -> datasets.contains(queryCase.dataset())).toList();
    }

    private static int regenerate(List<QueryCase> cases, Path lake, PrintStream out) throws Exception {
        if (lake == null) {
            out.println("--regenerate needs --lake DIR (TPC-H SF 0.01 and the hand-made tables are written there)");
            return USAGE;
        }
        int written = 0;
        int kept = 0;
        try (BufferAllocator allocator = new RootAllocator(); Oracle oracle = new Oracle(lake, "tpch")) {
            for (QueryCase queryCase : cases) {
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
        out.printf("%d expected results written, %d unchanged%n", written, kept);
        return 0;
    }

    private static int check(List<QueryCase> cases, Path casesRoot, String server, Path lake, Path json, PrintStream out) throws Exception {
        PuffinClient client = new PuffinClient(URI.create(server), Credential.fromEnvironment(System.getenv()));
        Map<String, String> missing;
        try {
            missing = missingDatasets(cases, new DatasetProbe(client));
        } catch (IOException e) {
            // Unreachable, or refusing us (a 401 without PUFFINDB_AUTH_TOKEN): nothing to run against.
            out.printf("Cannot ask %s for its datasets: %s%n", server, e.getMessage() == null ? e : e.getMessage());
            return FAILED;
        }
        if (!missing.isEmpty()) {
            printMissing(server, cases, missing, out);
            return DATASETS_MISSING;
        }
        RegressReport report = new RegressReport(casesRoot, out);
        try (BufferAllocator allocator = new RootAllocator(); Oracle oracle = lake == null ? null : new Oracle(lake, "tpch")) {
            CaseChecker checker = new CaseChecker(client, oracle, allocator);
            for (QueryCase queryCase : cases) {
                if (queryCase.knownFailure().isPresent()) {
                    report.skipped(queryCase, queryCase.knownFailure().get());
                    continue;
                }
                Optional<String> failure;
                try {
                    failure = checker.failure(queryCase);
                } catch (Exception e) {
                    failure = Optional.of(e.toString());
                }
                failure.ifPresentOrElse(diff -> report.failed(queryCase, diff), () -> report.passed(queryCase));
            }
        }
        report.printSummary();
        if (json != null) {
            report.writeJson(json, server);
        }
        return report.count(RegressReport.Status.FAILED) == 0 ? 0 : FAILED;
    }

    /** Each dataset the cases read that the service lacks, with what is wrong with it. */
    private static Map<String, String> missingDatasets(List<QueryCase> cases, DatasetProbe probe) throws Exception {
        Map<String, String> missing = new LinkedHashMap<>();
        for (String dataset : new TreeSet<>(cases.stream().map(QueryCase::dataset).toList())) {
            probe.problem(dataset).ifPresent(problem -> missing.put(dataset, problem));
        }
        return missing;
    }

    private static void printMissing(String server, List<QueryCase> cases, Map<String, String> missing, PrintStream out) {
        out.printf("%s lacks datasets the cases read; no case was run.%n", server);
        missing.forEach((dataset, problem) -> {
            List<String> dependents = cases.stream().filter(queryCase -> queryCase.dataset().equals(dataset)).map(QueryCase::name).toList();
            out.printf("  dataset %s: %s; %d cases read it: %s%n", dataset, problem, dependents.size(), String.join(", ", dependents));
        });
        out.println("`./puffindb serve` on an empty lake folder writes every dataset; --dataset NAME runs the cases of one dataset.");
    }
}
