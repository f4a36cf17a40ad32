package io.puffindb.testqueries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A case's expected answer as a typed, diff-friendly text file beside it ({@code <case>.result}):
 * a header line of {@code name:TYPE} columns, then one line per row, values tab-separated —
 * NULL as {@code NULL}, strings JSON-quoted (so the string 'NULL' is not NULL), DECIMAL with its
 * scale, doubles in full precision. Rows of an unordered result are sorted, so diffs are stable.
 * A case marked {@code expect: checksum}, or any result of more than {@value #LARGEST_LISTED} rows,
 * keeps its row count and an order-insensitive checksum instead of its rows.
 */
public final class ExpectedResult {
    static final int LARGEST_LISTED = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpectedResult() {
    }

    public static Path fileOf(QueryCase queryCase) {
        return queryCase.file().resolveSibling(queryCase.file().getFileName().toString().replace(".sql", ".result"));
    }

    /** Writes a case's result file from DuckDB's answer to it. */
    public static void write(QueryCase queryCase, ResultTable result) {
        List<String> lines = new ArrayList<>();
        lines.add(header(result));
        if (queryCase.checksumOnly() || result.rows().size() > LARGEST_LISTED) {
            List<String> rows = result.rows().stream().map(ExpectedResult::encode).toList();
            lines.add("# rows " + rows.size() + " checksum " + checksum(rows));
        } else {
            lines.addAll(canonicalRows(queryCase.sql(), result));
        }
        try {
            Files.write(fileOf(queryCase), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Sorted when the query does not order; when it does, only the rows tied on its ordering keys are
    // sorted among themselves (DuckDB may return ties in any order, and diffs should not show that).
    private static List<String> canonicalRows(String sql, ResultTable result) {
        List<String> encoded = result.rows().stream().map(ExpectedResult::encode).toList();
        if (!OrderDetector.ordersResult(sql)) {
            return encoded.stream().sorted().toList();
        }
        Optional<List<Integer>> keys = OrderDetector.orderKeys(sql, result.names());
        if (keys.isEmpty()) {
            return encoded;
        }
        List<String> rows = new ArrayList<>();
        int start = 0;
        while (start < encoded.size()) {
            int end = start + 1;
            while (end < encoded.size() && ResultComparator.keysEqual(result.rows().get(start), result.rows().get(end), keys.get())) {
                end++;
            }
            rows.addAll(encoded.subList(start, end).stream().sorted().toList());
            start = end;
        }
        return rows;
    }

    /** The expected table, or empty when the case has no result file yet. */
    public static Optional<Expected> read(QueryCase queryCase) {
        Path file = fileOf(queryCase);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (String column : lines.get(0).isEmpty() ? new String[0] : lines.get(0).split("\t")) {
                int colon = column.lastIndexOf(':');
                names.add(column.substring(0, colon));
                types.add(column.substring(colon + 1));
            }
            if (lines.size() == 2 && lines.get(1).startsWith("# rows ")) {
                String[] parts = lines.get(1).split(" ");
                return Optional.of(new Expected(new ResultTable(names, types, List.of()), Long.parseLong(parts[2]), parts[4]));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(decode(line, types));
            }
            return Optional.of(new Expected(new ResultTable(names, types, rows), rows.size(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A result file's content: the table, or for a large result its row count and checksum. */
    public record Expected(ResultTable table, long rowCount, String checksum) {
        public boolean summarized() {
            return checksum != null;
        }
    }

    static String checksum(List<String> encodedRows) {
        long sum = 0;
        for (String row : encodedRows) {
            sum += row.hashCode() * 0x9E3779B97F4A7C15L + row.length();
        }
        return Long.toHexString(sum);
    }

    static String encode(List<Object> row) {
        List<String> values = new ArrayList<>();
        for (Object value : row) {
            values.add(encodeValue(value));
        }
        return String.join("\t", values);
    }

    private static String header(ResultTable result) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < result.names().size(); i++) {
            columns.add(result.names().get(i) + ":" + result.types().get(i));
        }
        return String.join("\t", columns);
    }

    /** A value as a result file holds it; a LIST as {@code [1, NULL]}, a STRUCT or MAP as {@code {"k": "v"}}, their parts encoded alike. */
    static String encodeValue(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof List<?> items) {
            return items.stream().map(ExpectedResult::encodeValue).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> fields) {
            return fields.entrySet().stream().map(field -> encodeValue(field.getKey()) + ": " + encodeValue(field.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof String text) {
            try {
                return JSON.writeValueAsString(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static List<Object> decode(String line, List<String> types) throws IOException {
        String[] cells = line.split("\t", -1);
        List<Object> row = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            row.add(decodeValue(cells[i], types.get(i)));
        }
        return row;
    }

    private static Object decodeValue(String cell, String type) throws IOException {
        if (cell.equals("NULL")) {
            return null;
        }
        if (type.startsWith("DECIMAL")) {
            return new BigDecimal(cell);
        }
        return switch (type) {
            case "VARCHAR" -> JSON.readValue(cell, String.class);
            // As Arrow's vectors give them: UInt4Vector an Integer, UInt8Vector a Long.
            case "BIGINT", "UBIGINT" -> Long.valueOf(cell);
            case "INTEGER", "UINTEGER" -> Integer.valueOf(cell);
            case "SMALLINT" -> Short.valueOf(cell);
            case "TINYINT" -> Byte.valueOf(cell);
            case "DOUBLE" -> Double.valueOf(cell);
            case "FLOAT" -> Float.valueOf(cell);
            case "BOOLEAN" -> Boolean.valueOf(cell);
            case "DATE" -> LocalDate.parse(cell);
            case "TIMESTAMP" -> LocalDateTime.parse(cell);
            default -> cell;
        };
    }
}
