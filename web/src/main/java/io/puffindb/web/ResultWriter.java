package io.puffindb.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an answer's rows, each cell as DuckDB prints it ({@link DuckDbText}; null for SQL NULL), in a
 * {@link ResultFormat}: the table prints NULL as {@code NULL}; CSV (RFC 4180, a header line) leaves a
 * NULL's field empty and quotes an empty string ({@code ""}), as DuckDB's CSV writer does; JSON is an
 * array of objects, as DuckDB's {@code .mode json}: numbers and booleans bare, NULL {@code null}.
 */
final class ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Set<String> NUMBER_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
            "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE");

    private ResultWriter() {
    }

    static void write(ResultFormat format, PrintStream out, List<String> names, List<String> types, List<List<String>> rows) {
        switch (format) {
            case TABLE -> TablePrinter.print(out, names, types, rows.stream().map(ResultWriter::nullsAsText).toList());
            case CSV -> writeCsv(out, names, rows);
            case JSON -> writeJson(out, names, types, rows);
            // The CLI copies the service's own Arrow stream (QueryCommand): rows turned into text cannot go back to Arrow.
            case ARROW -> throw new PuffinException(ErrorCode.BAD_REQUEST, "--format arrow is for a query the service answers, not for this listing");
        }
    }

    private static List<String> nullsAsText(List<String> row) {
        return row.stream().map(cell -> cell == null ? "NULL" : cell).toList();
    }

    private static void writeCsv(PrintStream out, List<String> names, List<List<String>> rows) {
        out.print(csvLine(names));
        for (List<String> row : rows) {
            out.print(csvLine(row));
        }
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(i == 0 ? "" : ",");
            if (cell == null) {
                continue; // NULL: an empty field, told apart from '' which is quoted
            }
            boolean quoted = cell.isEmpty() || cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            line.append(quoted ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return line.append("\r\n").toString();
    }

    private static void writeJson(PrintStream out, List<String> names, List<String> types, List<List<String>> rows) {
        StringBuilder text = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            text.append(r == 0 ? "\n" : ",\n").append('{');
            for (int i = 0; i < names.size(); i++) {
                text.append(i == 0 ? "" : ",").append(quoted(names.get(i))).append(':').append(jsonValue(rows.get(r).get(i), types.get(i)));
            }
            text.append('}');
        }
        out.println(text.append(rows.isEmpty() ? "]" : "\n]"));
    }

    // DECIMAL and the number types bare when their DuckDB text is a JSON number (not inf or nan), BOOLEAN bare, the rest as strings.
    private static String jsonValue(String cell, String type) {
        if (cell == null) {
            return "null";
        }
        boolean number = NUMBER_TYPES.contains(type) || type.startsWith("DECIMAL");
        if (number && JSON_NUMBER.matcher(cell).matches() || type.equals("BOOLEAN")) {
            return cell;
        }
        return quoted(cell);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }
}
