package io.puffindb.testqueries;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code regress} tells: a line per failure with its diff (as it happens), then a summary by
 * topic folder and the last line {@code N passed, N failed}; optionally the same as a JSON file.
 */
final class RegressReport {
    private final Path casesRoot;
    private final PrintStream out;
    private final List<Outcome> outcomes = new ArrayList<>();

    RegressReport(Path casesRoot, PrintStream out) {
        this.casesRoot = requireNonNull(casesRoot, "casesRoot is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** How one case went: {@code detail} is the diff of a failure, the reason of a skip, empty for a pass. */
    record Outcome(String name, String topic, String file, String dataset, Status status, String detail) {
    }

    enum Status { PASSED, FAILED, SKIPPED }

    void passed(QueryCase queryCase) {
        outcomes.add(outcome(queryCase, Status.PASSED, ""));
    }

    void skipped(QueryCase queryCase, String reason) {
        Outcome outcome = outcome(queryCase, Status.SKIPPED, reason);
        outcomes.add(outcome);
        out.printf("SKIP %s: known failure: %s%n", outcome.name(), reason);
    }

    void failed(QueryCase queryCase, String diff) {
        Outcome outcome = outcome(queryCase, Status.FAILED, diff);
        outcomes.add(outcome);
        // The first line of the diff beside the case's name; a diff of several lines continues indented.
        out.printf("FAIL %s: %s%n", outcome.name(), diff.strip().replace("\n", "\n    "));
    }

    long count(Status status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }

    /** The summary by topic folder, then the last line. */
    void printSummary() {
        Map<String, long[]> byTopic = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            byTopic.computeIfAbsent(outcome.topic(), topic -> new long[Status.values().length])[outcome.status().ordinal()]++;
        }
        out.println();
        out.printf("%-16s %7s %7s %7s%n", "topic", "passed", "failed", "skipped");
        byTopic.forEach((topic, counts) -> out.printf("%-16s %7d %7d %7d%n", topic, counts[0], counts[1], counts[2]));
        out.printf("%d passed, %d failed%n", count(Status.PASSED), count(Status.FAILED));
    }

    void writeJson(Path file, String server) throws IOException {
        Map<String, Object> report = Map.of("server", server, "passed", count(Status.PASSED), "failed", count(Status.FAILED), "skipped",
                count(Status.SKIPPED), "cases", outcomes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    }

    private Outcome outcome(QueryCase queryCase, Status status, String detail) {
        Path relative = casesRoot.relativize(queryCase.file());
        String topic = relative.getParent() == null ? "." : relative.getParent().toString();
        String name = relative.toString().replaceFirst("\\.sql$", "");
        return new Outcome(name, topic, queryCase.file().toString(), queryCase.dataset(), status, detail);
    }
}
