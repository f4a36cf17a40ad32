package io.puffindb.testqueries;

import static java.lang.String.format;

import io.puffindb.testqueries.QueryCase.ExpectedError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads case files: a header of {@code -- key: value} lines (name, dataset, expect, known-failure),
 * then the SQL.
 */
public final class CaseLoader {
    private static final Pattern HEADER = Pattern.compile("--\\s*([a-z-]+):\\s*(.*)");
    private static final Pattern ERROR = Pattern.compile("error\\s+([A-Z_]+)(?:\\s+(\\d+):(\\d+))?");

    private CaseLoader() {
    }

    /** Every {@code *.sql} case under a folder, in path order. */
    public static List<QueryCase> loadAll(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().map(CaseLoader::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static QueryCase load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> header = new HashMap<>();
        int body = 0;
        while (body < lines.size()) {
            Matcher matcher = HEADER.matcher(lines.get(body));
            if (!matcher.matches()) {
                break;
            }
            header.put(matcher.group(1), matcher.group(2).trim());
            body++;
        }
        String sql = String.join("\n", lines.subList(body, lines.size())).strip();
        String expect = header.getOrDefault("expect", "oracle");
        return new QueryCase(
                header.getOrDefault("name", file.getFileName().toString().replace(".sql", "")),
                header.getOrDefault("dataset", "tpch"),
                file,
                sql,
                expectedError(file, expect),
                expect.equals("checksum"),
                Optional.ofNullable(header.get("known-failure")));
    }

    private static Optional<ExpectedError> expectedError(Path file, String expect) {
        if (expect.equals("oracle") || expect.equals("checksum")) {
            return Optional.empty();
        }
        Matcher error = ERROR.matcher(expect);
        if (!error.matches()) {
            throw new IllegalArgumentException(format("%s: 'expect' must be 'oracle', 'checksum' or 'error CODE [line:column]', not '%s'", file, expect));
        }
        int line = error.group(2) == null ? 0 : Integer.parseInt(error.group(2));
        int column = error.group(3) == null ? 0 : Integer.parseInt(error.group(3));
        return Optional.of(new ExpectedError(error.group(1), line, column));
    }
}
