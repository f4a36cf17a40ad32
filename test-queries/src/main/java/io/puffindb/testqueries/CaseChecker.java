package io.puffindb.testqueries;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs one case on a service and says how its answer differs from what the case expects (empty: it
 * passed): its checked-in result file, and DuckDB alone still agreeing with that file. The two
 * differences are reported separately, so a DuckDB upgrade does not pass for a PuffinDB bug.
 */
public final class CaseChecker {
    private final PuffinClient client;
    private final Oracle oracle;
    private final BufferAllocator allocator;

    /** @param oracle DuckDB alone over the same files, or null where only the expected files are at hand */
    public CaseChecker(PuffinClient client, Oracle oracle, BufferAllocator allocator) {
        this.client = requireNonNull(client, "client is null");
        this.oracle = oracle;
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    public Optional<String> failure(QueryCase queryCase) throws Exception {
        PuffinClient.Answer answer = client.query(queryCase.sql(), allocator);
        if (queryCase.expectedError().isPresent()) {
            return errorFailure(queryCase, answer);
        }
        Optional<ExpectedResult.Expected> expected = ExpectedResult.read(queryCase);
        if (expected.isEmpty()) {
            if (oracle == null) {
                return Optional.of("no expected result file " + ExpectedResult.fileOf(queryCase) + " (regenerate with RegressMain --regenerate)");
            }
            if (answer.error() != null) {
                return Optional.of(describe(answer.error()));
            }
            ResultTable duckdb = oracle.run(queryCase.sql(), allocator);
            return differences(new ExpectedResult.Expected(duckdb, duckdb.rows().size(), null), answer.result(), queryCase.sql());
        }
        List<String> failures = new ArrayList<>();
        if (answer.error() != null) {
            failures.add("PuffinDB failed: " + describe(answer.error()));
        } else {
            differences(expected.get(), answer.result(), queryCase.sql())
                    .ifPresent(diff -> failures.add("PuffinDB differs from the expected file: " + diff));
        }
        if (oracle != null) {
            // The oracle is checked too, so that a change of DuckDB shows as a diff of its own.
            oracleResult(queryCase).ifPresentOrElse(
                    result -> differences(expected.get(), result, queryCase.sql()).ifPresent(diff -> failures.add(
                            "DuckDB alone now differs from the expected file (regenerate on purpose if that is right): " + diff)),
                    () -> failures.add("DuckDB alone now fails on this query (regenerate on purpose if that is right)"));
        }
        return failures.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", failures));
    }

    private Optional<String> errorFailure(QueryCase queryCase, PuffinClient.Answer answer) throws Exception {
        QueryCase.ExpectedError expected = queryCase.expectedError().orElseThrow();
        if (answer.error() == null) {
            return Optional.of(format("expected error %s, got %d rows", expected.code(), answer.result().rows().size()));
        }
        PuffinClient.ServiceError actual = answer.error();
        if (!expected.code().equals(actual.code())) {
            return Optional.of(format("expected error %s, got %s: %s", expected.code(), actual.code(), actual.message()));
        }
        if (expected.line() > 0 && (expected.line() != actual.line() || expected.column() != actual.column())) {
            return Optional.of(format("expected error at %d:%d, got %d:%d: %s", expected.line(), expected.column(), actual.line(),
                    actual.column(), actual.message()));
        }
        // An error case must be an error by DuckDB's rules too, not a query PuffinDB alone refuses.
        if (oracle != null && oracleResult(queryCase).isPresent()) {
            return Optional.of(format("PuffinDB fails with %s (%s), but DuckDB alone answers this query", actual.code(), actual.message()));
        }
        return Optional.empty();
    }

    /** DuckDB's answer, or empty when DuckDB rejects the query. */
    private Optional<ResultTable> oracleResult(QueryCase queryCase) throws Exception {
        try {
            return Optional.of(oracle.run(queryCase.sql(), allocator));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static String describe(PuffinClient.ServiceError error) {
        return format("%s (HTTP %d): %s", error.code(), error.status(), error.message());
    }

    /** How a result differs from an expected one under the comparison rules, for the query {@code sql}. */
    static Optional<String> differences(ExpectedResult.Expected expected, ResultTable actual, String sql) {
        boolean ordered = OrderDetector.ordersResult(sql);
        if (!expected.summarized()) {
            Optional<List<Integer>> keys = ordered ? OrderDetector.orderKeys(sql, expected.table().names()) : Optional.empty();
            return keys.isPresent() ? ResultComparator.differences(expected.table(), actual, keys.get())
                    : ResultComparator.differences(expected.table(), actual, ordered);
        }
        Optional<String> names = ResultComparator.nameDifference(expected.table(), actual);
        if (names.isPresent()) {
            return names;
        }
        if (!expected.table().types().equals(actual.types())) {
            return Optional.of(format("column types differ: expected %s, actual %s", expected.table().types(), actual.types()));
        }
        List<String> rows = actual.rows().stream().map(ExpectedResult::encode).toList();
        String checksum = ExpectedResult.checksum(rows);
        if (rows.size() != expected.rowCount() || !checksum.equals(expected.checksum())) {
            return Optional.of(format("expected %d rows with checksum %s, got %d rows with checksum %s", expected.rowCount(), expected.checksum(),
                    rows.size(), checksum));
        }
        return Optional.empty();
    }
}
