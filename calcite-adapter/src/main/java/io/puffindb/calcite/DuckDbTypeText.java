package io.puffindb.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of DuckDB's nested type names: the parts of {@code STRUCT(a INTEGER, b DECIMAL(15,2))} or
 * {@code MAP(VARCHAR, INTEGER[])}, split at the commas of the outer level only, and a struct field's
 * name, double-quoted by DuckDB when it is not a plain lower-case word.
 */
final class DuckDbTypeText {
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private DuckDbTypeText() {
    }

    /** A struct field as DuckDB writes it: its name, then its type. */
    record NamedType(String name, String type) {
    }

    static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }

    static NamedType namedType(String field) {
        if (field.startsWith("\"")) {
            int end = field.indexOf('"', 1);
            while (end + 1 < field.length() && field.charAt(end + 1) == '"') {
                end = field.indexOf('"', end + 2);
            }
            return new NamedType(field.substring(1, end).replace("\"\"", "\""), field.substring(end + 1).trim());
        }
        int space = field.indexOf(' ');
        return new NamedType(field.substring(0, space), field.substring(space + 1).trim());
    }

    static String fieldName(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
