package io.puffindb.web;

import io.puffindb.web.parameters.SqlText;
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

    /** Whether the text ends a statement: its last character outside literals, quoted names and comments is {@code ;}. */
    static boolean ended(String script) {
        char last = ' ';
        int i = 0;
        while (i < script.length()) {
            int past = SqlText.skipQuotedOrComment(script, i);
            if (past != i) {
                boolean comment = script.startsWith("--", i) || script.startsWith("/*", i);
                last = comment ? last : 'x';
                i = past;
                continue;
            }
            if (!Character.isWhitespace(script.charAt(i))) {
                last = script.charAt(i);
            }
            i++;
        }
        return last == ';';
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        boolean hasSql = false;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int past = SqlText.skipQuotedOrComment(script, i);
            if (past != i) {
                // A string or a quoted name is part of a statement; a comment alone makes none.
                hasSql |= c == '\'' || c == '"' || c == '$';
                i = past;
                continue;
            }
            if (c == ';') {
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
}
