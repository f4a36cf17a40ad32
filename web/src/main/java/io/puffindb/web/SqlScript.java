package io.puffindb.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script (a file given with {@code -f}, or standard input) cut into its statements at each
 * {@code ;} outside string literals, quoted names and comments; pieces holding only blanks and comments
 * are no statements.
 */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        boolean hasSql = false;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(script, i, c);
                hasSql = true;
            } else if (c == '-' && script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() - 1 : end;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? script.length() - 1 : end + 1;
            } else if (c == ';') {
                if (hasSql) {
                    statements.add(script.substring(start, i).strip());
                }
                start = i + 1;
                hasSql = false;
            } else if (!Character.isWhitespace(c)) {
                hasSql = true;
            }
            i++;
        }
        if (hasSql) {
            statements.add(script.substring(start).strip());
        }
        return statements;
    }

    // The index of the quote that closes the one at start ('' and "" inside stand for one quote), or the last index.
    private static int closingQuote(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return script.length() - 1;
    }
}
