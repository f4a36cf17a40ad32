package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.puffindb.web.flightsql.CatalogTables;
import io.puffindb.web.flightsql.TableFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/tables}: every table SQL can name, with its format and columns (the same listing as Flight SQL's metadata, for
 * the CLI's {@code .tables} and the page's catalog and completion), and the schema unqualified names resolve in.
 */
final class TablesResource {
    /** A table as listed: its catalog (null for the lake's own schemas), schema, name, format and columns ({@code name}, {@code type}). */
    record Table(String catalog, String schema, String name, TableFormat format, List<Map<String, String>> columns) {
    }

    private final CatalogTables catalog;

    TablesResource(CatalogTables catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    void list(Context ctx) {
        List<Table> tables = catalog.tables(schema -> true).stream()
                .map(table -> new Table(table.catalog().orElse(null), table.schema(), table.name(), table.format().orElseThrow(),
                        table.columns().stream().map(column -> Map.of("name", column.name(), "type", column.duckDbType())).toList()))
                .toList();
        ctx.json(Map.of("defaultSchema", catalog.defaultSchema(), "tables", tables));
    }
}
