package io.puffindb.web.flightsql;

import java.util.regex.Pattern;

/**
 * A metadata request's filters: an exact catalog ("" for tables outside any catalog, absent for any)
 * and SQL LIKE patterns ({@code %}, {@code _}) for schema and table names.
 */
final class NameFilter {
    static final String TABLE_TYPE = "TABLE";

    private final String catalog;
    private final Pattern schema;
    private final Pattern table;

    NameFilter(String catalog, String schemaPattern, String tablePattern) {
        this.catalog = catalog;
        this.schema = like(schemaPattern);
        this.table = like(tablePattern);
    }

    boolean acceptsSchema(ListedTable entry) {
        boolean catalogMatches = catalog == null || entry.catalog().orElse("").equals(catalog);
        return catalogMatches && (schema == null || schema.matcher(entry.schema()).matches());
    }

    boolean acceptsTable(ListedTable entry) {
        return acceptsSchema(entry) && (table == null || table.matcher(entry.name()).matches());
    }

    private static Pattern like(String pattern) {
        if (pattern == null) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        boolean escaped = false;
        for (char c : pattern.toCharArray()) {
            if (escaped) {
                regex.append(Pattern.quote(String.valueOf(c)));
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
