package io.puffindb.testqueries;

import static java.lang.String.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares an answer with the oracle's: same column names (as DuckDB names them), count and types, same NULLs, DECIMAL exact,
 * floating point within a relative 1e-9; row order only when the query orders its result, and then
 * only on the ordering keys.
 */
public final class ResultComparator {
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final int MAX_DIFF_ROWS = 10;

    private ResultComparator() {
    }

    /**
     * Like {@link #differences(ResultTable, ResultTable, boolean)} for an ordered result, where rows
     * tied on the ordering keys may come in any order.
     */
    public static Optional<String> differences(ResultTable expected, ResultTable actual, List<Integer> orderKeys) {
        Optional<String> exact = differences(expected, actual, true);
        if (exact.isEmpty() || expected.rows().size() != actual.rows().size() || !expected.types().equals(actual.types())) {
            return exact;
        }
        List<List<Object>> expectedRows = expected.rows();
        List<List<Object>> actualRows = actual.rows();
        int start = 0;
        while (start < expectedRows.size()) {
            int end = start + 1;
            while (end < expectedRows.size() && keysEqual(expectedRows.get(start), expectedRows.get(end), orderKeys)) {
                end++;
            }
            for (int i = start; i < end; i++) {
                if (!keysEqual(expectedRows.get(start), actualRows.get(i), orderKeys)) {
                    return exact; // the order itself differs, not just the ties
                }
            }
            if (!sorted(expectedRows.subList(start, end)).equals(sorted(actualRows.subList(start, end)))
                    && differences(new ResultTable(expected.names(), expected.types(), expectedRows.subList(start, end)),
                            new ResultTable(actual.names(), actual.types(), actualRows.subList(start, end)), false).isPresent()) {
                return exact;
            }
            start = end;
        }
        return Optional.empty();
    }

    /** An answer's column names are DuckDB's for the same SQL, duplicates and order included. */
    static Optional<String> nameDifference(ResultTable expected, ResultTable actual) {
        return expected.names().equals(actual.names()) ? Optional.empty()
                : Optional.of(format("column names differ%n  expected %s%n  actual   %s", expected.names(), actual.names()));
    }

    static boolean keysEqual(List<Object> left, List<Object> right, List<Integer> keys) {
        return keys.stream().allMatch(key -> valuesEqual(left.get(key), right.get(key)));
    }

    /** A readable description of the differences, or empty when the answers agree. */
    public static Optional<String> differences(ResultTable expected, ResultTable actual, boolean ordered) {
        Optional<String> names = nameDifference(expected, actual);
        if (names.isPresent()) {
            return names;
        }
        if (!expected.types().equals(actual.types())) {
            return Optional.of(format("column types differ%n  expected %s %s%n  actual   %s %s",
                    expected.names(), expected.types(), actual.names(), actual.types()));
        }
        if (expected.rows().size() != actual.rows().size()) {
            return Optional.of(format("row count differs: expected %d, actual %d%n%s", expected.rows().size(), actual.rows().size(),
                    sample(expected, actual, ordered)));
        }
        List<List<Object>> expectedRows = ordered ? expected.rows() : sorted(expected.rows());
        List<List<Object>> actualRows = ordered ? actual.rows() : sorted(actual.rows());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < expectedRows.size() && diffs.size() < MAX_DIFF_ROWS; i++) {
            if (!rowsEqual(expectedRows.get(i), actualRows.get(i))) {
                diffs.add(format("  row %d:%n    - %s%n    + %s", i + 1, expectedRows.get(i), actualRows.get(i)));
            }
        }
        return diffs.isEmpty() ? Optional.empty() : Optional.of("rows differ (- expected, + actual):\n" + String.join("\n", diffs));
    }

    private static String sample(ResultTable expected, ResultTable actual, boolean ordered) {
        List<List<Object>> expectedRows = ordered ? expected.rows() : sorted(expected.rows());
        List<List<Object>> actualRows = ordered ? actual.rows() : sorted(actual.rows());
        return format("  expected first rows: %s%n  actual first rows:   %s",
                expectedRows.subList(0, Math.min(3, expectedRows.size())), actualRows.subList(0, Math.min(3, actualRows.size())));
    }

    private static boolean rowsEqual(List<Object> expected, List<Object> actual) {
        for (int i = 0; i < expected.size(); i++) {
            if (!valuesEqual(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean valuesEqual(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof String encoded && (actual instanceof List || actual instanceof Map)) {
            return encoded.equals(ExpectedResult.encodeValue(actual)); // a nested value read back from a result file
        }
        if (expected instanceof BigDecimal left && actual instanceof BigDecimal right) {
            return left.equals(right); // exact, scale included: the types already matched
        }
        if ((expected instanceof Double || expected instanceof Float) && (actual instanceof Double || actual instanceof Float)) {
            double left = ((Number) expected).doubleValue();
            double right = ((Number) actual).doubleValue();
            if (Double.isNaN(left) || Double.isNaN(right) || Double.isInfinite(left) || Double.isInfinite(right)) {
                return Double.compare(left, right) == 0;
            }
            return Math.abs(left - right) <= RELATIVE_TOLERANCE * Math.max(Math.abs(left), Math.abs(right));
        }
        return Objects.equals(expected, actual);
    }

    // Unordered results are compared after sorting both sides the same way. Floating point is rounded
    // for the sort key only, so that values within the tolerance still line up.
    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(ResultComparator::sortKey));
        return copy;
    }

    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            if (value instanceof Double number) {
                key.append(format("%.6e", number));
            } else {
                key.append(value);
            }
            key.append('\u0001');
        }
        return key.toString();
    }
}
