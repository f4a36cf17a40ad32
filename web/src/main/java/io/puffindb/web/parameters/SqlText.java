package io.puffindb.web.parameters;

/**
 * Where a SQL text's code is: what a reader looking for markers or statement ends must step over, the
 * string literals ({@code 'it''s'}), quoted names ({@code "a ""b"""}), dollar-quoted strings
 * ({@code $$...$$}) and comments ({@code -- ...} to the line's end, {@code /* ... *}{@code /}).
 */
public final class SqlText {
    private SqlText() {
    }

    /** The index just past the literal, quoted name or comment starting at {@code i}; {@code i} itself when none starts there. */
    public static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            return closingQuote(sql, i, c) + 1;
        }
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        if (sql.startsWith("$$", i)) {
            int end = sql.indexOf("$$", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }

    // The index of the quote that closes the one at start ('' and "" inside stand for one quote), or the text's last index.
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
        return sql.length() - 1;
    }
}
