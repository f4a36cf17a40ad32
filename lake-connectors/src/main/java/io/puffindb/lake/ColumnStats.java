package io.puffindb.lake;

import java.util.Optional;

/**
 * Min, max and null count of one column in one file, as the file's footer states them. Min and max
 * are DuckDB's text form of the value (absent when the file records none).
 */
public record ColumnStats(Optional<String> min, Optional<String> max, long nullCount) {
    public ColumnStats {
        min = min == null ? Optional.empty() : min;
        max = max == null ? Optional.empty() : max;
    }
}
