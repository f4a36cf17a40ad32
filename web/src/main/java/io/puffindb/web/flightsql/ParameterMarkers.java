package io.puffindb.web.flightsql;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ?} parameter markers of a statement's text, outside string literals, quoted identifiers
 * and comments, and the text with each replaced by a literal. Binding by text keeps one path for every
 * query: the bound statement is planned and checked like any other.
 */
record ParameterMarkers(String sql, List<Integer> positions) {
    ParameterMarkers {
        positions = List.copyOf(positions);
    }

    static ParameterMarkers of(String sql) {
        List<Integer> positions = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '?') {
                positions.add(i);
            }
            i++;
        }
        return new ParameterMarkers(sql, positions);
    }

    // The index of the quote that closes the one at start ('' and "" inside stand for one quote).
    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return sql.length();
    }

    int count() {
        return positions.size();
    }

    /** The text with the n-th marker replaced by the n-th literal. */
    String bind(List<String> literals) {
        if (literals.size() != positions.size()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("The statement has %d parameters, %d values were bound", positions.size(),
                    literals.size()));
        }
        StringBuilder bound = new StringBuilder(sql.length() + 16 * literals.size());
        int from = 0;
        for (int i = 0; i < positions.size(); i++) {
            bound.append(sql, from, positions.get(i)).append(literals.get(i));
            from = positions.get(i) + 1;
        }
        return bound.append(sql.substring(from)).toString();
    }
}
