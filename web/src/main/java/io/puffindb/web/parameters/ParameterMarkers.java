package io.puffindb.web.parameters;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter markers of a statement's text, outside string literals, quoted identifiers and
 * comments, and the text with each replaced by a literal. {@code $n} stands for the n-th value (it may
 * repeat); the k-th {@code ?} stands for the k-th value. Binding by text keeps one path for every query:
 * the bound statement is planned and checked like any other, whether it came over Flight SQL or HTTP.
 */
public record ParameterMarkers(String sql, List<Marker> markers) {
    /** A marker: where it starts in the text, how long it is, and the number (from 1) of the value it stands for. */
    public record Marker(int position, int length, int parameter) {
    }

    public ParameterMarkers {
        markers = List.copyOf(markers);
    }

    public static ParameterMarkers of(String sql) {
        List<Marker> markers = new ArrayList<>();
        int questionMarks = 0;
        int i = 0;
        while (i < sql.length()) {
            int past = SqlText.skipQuotedOrComment(sql, i);
            if (past != i) {
                i = past;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '?') {
                markers.add(new Marker(i, 1, ++questionMarks));
            } else if (c == '$' && startsNumberedMarker(sql, i)) {
                int end = i + 1;
                while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                markers.add(new Marker(i, end - i, parse(sql.substring(i + 1, end))));
                i = end - 1;
            }
            i++;
        }
        return new ParameterMarkers(sql, markers);
    }

    // $n, not part of a name such as a$1 (DuckDB names may hold '$').
    private static boolean startsNumberedMarker(String sql, int i) {
        boolean digitFollows = i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1));
        boolean partOfName = i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_' || sql.charAt(i - 1) == '$');
        return digitFollows && !partOfName;
    }

    private static int parse(String digits) {
        try {
            int parameter = Integer.parseInt(digits);
            if (parameter > 0) {
                return parameter;
            }
        } catch (NumberFormatException e) {
            // too long: reported below
        }
        throw new PuffinException(ErrorCode.BAD_REQUEST, format("Parameter $%s: parameters are numbered from $1", digits));
    }

    /** How many values the statement takes: its highest parameter number. */
    public int count() {
        return markers.stream().mapToInt(Marker::parameter).max().orElse(0);
    }

    /** The text with each marker replaced by the literal of the value it stands for ({@code literals.get(n - 1)} for {@code $n}). */
    public String bind(List<String> literals) {
        if (literals.size() != count()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, literals.size() < count()
                    ? format("Parameter $%d has no value: the statement has %d parameters, %d values were given", literals.size() + 1, count(),
                            literals.size())
                    : format("Value %d stands for no parameter: the statement has %d parameters, %d values were given", count() + 1, count(),
                            literals.size()));
        }
        StringBuilder bound = new StringBuilder(sql.length() + 16 * literals.size());
        int from = 0;
        for (Marker marker : markers) {
            bound.append(sql, from, marker.position()).append(literals.get(marker.parameter() - 1));
            from = marker.position() + marker.length();
        }
        return bound.append(sql.substring(from)).toString();
    }
}
