package io.puffindb.testqueries;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs one case on a service and says how its answer differs from what the case expects (empty: it
 * passed): its checked-in result file, and DuckDB alone still agreeing with that file.
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
            QueryCase.ExpectedError expected = queryCase.expectedError().get();
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
            return Optional.empty();
        }
        if (answer.error() != null) {
            return Optional.of(format("%s (HTTP %d): %s", answer.error().code(), answer.error().status(), answer.error().message()));
        }
        boolean ordered = OrderDetector.ordersResult(queryCase.sql());
        Optional<ExpectedResult.Expected> expected = ExpectedResult.read(queryCase);
        if (expected.isEmpty()) {
            if (oracle == null) {
                return Optional.of("no expected result file " + ExpectedResult.fileOf(queryCase) + " (regenerate with RegressMain --regenerate)");
            }
            return ResultComparator.differences(oracle.run(queryCase.sql(), allocator), answer.result(), ordered);
        }
        Optional<String> puffin = against(expected.get(), answer.result(), ordered, queryCase.sql()).map(diff -> "PuffinDB differs from the expected file: " + diff);
        if (puffin.isPresent() || oracle == null) {
            return puffin;
        }
        // The oracle is checked too, so that a change of DuckDB shows as a diff of its own.
        return against(expected.get(), oracle.run(queryCase.sql(), allocator), ordered, queryCase.sql())
                .map(diff -> "DuckDB alone now differs from the expected file (regenerate on purpose if that is right): " + diff);
    }

    private Optional<String> against(ExpectedResult.Expected expected, ResultTable actual, boolean ordered, String sql) {
        if (!expected.summarized()) {
            Optional<List<Integer>> keys = ordered ? OrderDetector.orderKeys(sql, expected.table().names()) : Optional.empty();
            return keys.isPresent() ? ResultComparator.differences(expected.table(), actual, keys.get())
                    : ResultComparator.differences(expected.table(), actual, ordered);
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
