package io.puffindb.testqueries;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One regression case: a query file with its header. {@code expect: oracle} compares with DuckDB
 * alone on the same files; {@code expect: error CODE [line:column]} expects that error.
 */
public record QueryCase(String name, String dataset, Path file, String sql, Optional<ExpectedError> expectedError) {
    public QueryCase {
        requireNonNull(name, "name is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(file, "file is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(expectedError, "expectedError is null");
    }

    /** An error the case expects: its code, and where it points when it points somewhere. */
    public record ExpectedError(String code, int line, int column) {
    }
}
