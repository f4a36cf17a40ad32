package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result file reads back as the typed table it was written from: NULL, odd strings, DECIMAL scale, doubles. */
class ExpectedResultTest {
    @TempDir
    Path folder;

    @Test
    void writtenValuesReadBackExactly() throws Exception {
        List<String> names = List.of("s", "d", "f", "day", "at", "n", "b");
        List<String> types = List.of("VARCHAR", "DECIMAL(10,2)", "DOUBLE", "DATE", "TIMESTAMP", "BIGINT", "BOOLEAN");
        ResultTable written = new ResultTable(names, types, List.of(
                Arrays.asList("NULL", new BigDecimal("1.10"), 0.1 + 0.2, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 10, 0), 7L, true),
                Arrays.asList("tab\there\n\"quoted\" back\\slash 😀", new BigDecimal("-0.01"), 1e-300, null, null, null, false),
                Arrays.asList(null, null, null, null, null, null, null)));
        QueryCase queryCase = caseFor("select * from t");
        ExpectedResult.write(queryCase, written);
        ExpectedResult.Expected expected = ExpectedResult.read(queryCase).orElseThrow();
        assertEquals(Optional.empty(), ResultComparator.differences(expected.table(), written, false));
        assertEquals(written.rows().stream().map(ExpectedResult::encode).sorted().toList(),
                expected.table().rows().stream().map(ExpectedResult::encode).toList(), "the string 'NULL' stays apart from NULL");
    }

    @Test
    void tiesOnTheOrderKeysAreWrittenSortedAndOtherwiseTheOrderIsKept() throws Exception {
        ResultTable written = new ResultTable(List.of("k", "v"), List.of("INTEGER", "VARCHAR"), List.of(
                List.of(2, "b"), List.of(2, "a"), List.of(1, "c")));
        QueryCase queryCase = caseFor("select k, v from t order by k desc");
        ExpectedResult.write(queryCase, written);
        assertEquals(List.of("k:INTEGER\tv:VARCHAR", "2\t\"a\"", "2\t\"b\"", "1\t\"c\""), Files.readAllLines(ExpectedResult.fileOf(queryCase)));
    }

    @Test
    void aChecksumCaseKeepsOnlyCountAndChecksum() throws Exception {
        ResultTable written = new ResultTable(List.of("k"), List.of("INTEGER"), List.of(List.of(1), List.of(2)));
        QueryCase queryCase = new QueryCase("big", "tpch", folder.resolve("big.sql"), "select k from t", Optional.empty(), true, Optional.empty());
        ExpectedResult.write(queryCase, written);
        ExpectedResult.Expected expected = ExpectedResult.read(queryCase).orElseThrow();
        assertTrue(expected.summarized());
        assertEquals(2, expected.rowCount());
        ResultTable reordered = new ResultTable(List.of("k"), List.of("INTEGER"), List.of(List.of(2), List.of(1)));
        assertEquals(Optional.empty(), CaseChecker.differences(expected, reordered, queryCase.sql()));
    }

    private QueryCase caseFor(String sql) {
        return new QueryCase("case", "tpch", folder.resolve("case.sql"), sql, Optional.empty(), false, Optional.empty());
    }
}
