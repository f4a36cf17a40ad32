package io.puffindb.testqueries;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/** Runs one case on a service and says how its answer differs from what the case expects (empty: it passed). */
public final class CaseChecker {
    private final PuffinClient client;
    private final Oracle oracle;
    private final BufferAllocator allocator;

    public CaseChecker(PuffinClient client, Oracle oracle, BufferAllocator allocator) {
        this.client = requireNonNull(client, "client is null");
        this.oracle = requireNonNull(oracle, "oracle is null");
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
        ResultTable expected = oracle.run(queryCase.sql(), allocator);
        return ResultComparator.differences(expected, answer.result(), OrderDetector.ordersResult(queryCase.sql()));
    }
}
