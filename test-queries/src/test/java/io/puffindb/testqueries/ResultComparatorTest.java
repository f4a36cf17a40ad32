package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison rules: order only on ORDER BY keys, exact DECIMAL and NULLs, floating point within 1e-9. */
class ResultComparatorTest {
    private static ResultTable table(List<String> types, Object[]... rows) {
        return new ResultTable(List.of("k", "v"), types, Arrays.stream(rows).map(Arrays::asList).toList());
    }

    private static final List<String> TYPES = List.of("INTEGER", "VARCHAR");

    @Test
    void rowsTiedOnTheOrderKeysMayComeInAnyOrder() {
        ResultTable expected = table(TYPES, new Object[] {1, "a"}, new Object[] {1, "b"}, new Object[] {2, "c"});
        ResultTable tiesSwapped = table(TYPES, new Object[] {1, "b"}, new Object[] {1, "a"}, new Object[] {2, "c"});
        assertTrue(ResultComparator.differences(expected, tiesSwapped, List.of(0)).isEmpty());
        ResultTable keysSwapped = table(TYPES, new Object[] {2, "c"}, new Object[] {1, "a"}, new Object[] {1, "b"});
        assertTrue(ResultComparator.differences(expected, keysSwapped, List.of(0)).isPresent());
        assertTrue(ResultComparator.differences(expected, tiesSwapped, true).isPresent(), "whole-row order is stricter");
    }

    @Test
    void unorderedResultsCompareAsMultisets() {
        ResultTable expected = table(TYPES, new Object[] {1, "a"}, new Object[] {2, null});
        assertTrue(ResultComparator.differences(expected, table(TYPES, new Object[] {2, null}, new Object[] {1, "a"}), false).isEmpty());
        assertTrue(ResultComparator.differences(expected, table(TYPES, new Object[] {2, "NULL"}, new Object[] {1, "a"}), false).isPresent());
    }

    @Test
    void decimalsAreExactAndDoublesWithinTolerance() {
        List<String> decimal = List.of("INTEGER", "DECIMAL(10,2)");
        assertTrue(ResultComparator.differences(table(decimal, new Object[] {1, new BigDecimal("1.10")}),
                table(decimal, new Object[] {1, new BigDecimal("1.1")}), false).isPresent(), "scale is part of a DECIMAL");
        List<String> doubles = List.of("INTEGER", "DOUBLE");
        assertTrue(ResultComparator.differences(table(doubles, new Object[] {1, 0.1 + 0.2}), table(doubles, new Object[] {1, 0.3}), false).isEmpty());
        assertTrue(ResultComparator.differences(table(doubles, new Object[] {1, 0.3}), table(doubles, new Object[] {1, 0.3001}), false).isPresent());
        assertEquals("column types differ", ResultComparator.differences(table(doubles, new Object[] {1, 0.3}),
                table(decimal, new Object[] {1, new BigDecimal("0.30")}), false).orElseThrow().lines().findFirst().orElseThrow().substring(0, 19));
    }
}
