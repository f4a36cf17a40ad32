package io.puffindb.testqueries;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One regression case: a query file with its header. {@code expect: oracle} compares with its
 * expected result file (made by DuckDB alone); {@code expect: checksum} likewise, but the file keeps
 * only the row count and an order-insensitive checksum (for huge results);
 * {@code expect: error CODE [line:column]} expects that error; {@code known-failure: reason} marks an
 * engine gap, reported as skipped until it is fixed.
 */
public record QueryCase(String name, String dataset, Path file, String sql, Optional<ExpectedError> expectedError, boolean checksumOnly,
        Optional<String> knownFailure) {
    public QueryCase {
        requireNonNull(knownFailure, "knownFailure is null");
        requireNonNull(name, "name is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(file, "file is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(expectedError, "expectedError is null");
    }

    /** A case for a query written in a test rather than a file. */
    public static QueryCase adhoc(String sql) {
        return new QueryCase("adhoc", "tpch", Path.of("adhoc.sql"), sql, Optional.empty(), false, Optional.empty());
    }

    /** An error the case expects: its code, and where it points when it points somewhere. */
    public record ExpectedError(String code, int line, int column) {
    }
}
