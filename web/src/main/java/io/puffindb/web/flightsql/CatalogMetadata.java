package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.sql.impl.FlightSql;

/**
 * The rows of Flight SQL's catalog commands (GetCatalogs, GetDbSchemas, GetTables with or without each
 * table's Arrow schema, GetTableTypes), by the field names of the schemas Flight SQL defines for them.
 */
final class CatalogMetadata {
    private final CatalogTables catalog;
    private final ShadowDuckDb shadow;

    CatalogMetadata(CatalogTables catalog, ShadowDuckDb shadow) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.shadow = requireNonNull(shadow, "shadow is null");
    }

    List<Map<String, Object>> catalogs() {
        return catalog.catalogNames().stream().map(name -> row("catalog_name", name)).toList();
    }

    List<Map<String, Object>> schemas(FlightSql.CommandGetDbSchemas command) {
        NameFilter filter = new NameFilter(command.hasCatalog() ? command.getCatalog() : null,
                command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null, null);
        return catalog.schemas().stream().filter(filter::acceptsSchema).map(schema -> {
            Map<String, Object> row = row("db_schema_name", schema.schema());
            row.put("catalog_name", schema.catalog().orElse(null));
            return row;
        }).toList();
    }

    List<Map<String, Object>> tables(FlightSql.CommandGetTables command) {
        NameFilter filter = new NameFilter(command.hasCatalog() ? command.getCatalog() : null,
                command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null,
                command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern() : null);
        boolean tablesWanted = command.getTableTypesCount() == 0 || command.getTableTypesList().contains(NameFilter.TABLE_TYPE);
        if (!tablesWanted) {
            return List.of(); // the lake has tables only, no views
        }
        return catalog.tables(filter::acceptsSchema).stream().filter(filter::acceptsTable).map(table -> {
            Map<String, Object> row = row("table_name", table.name());
            row.put("catalog_name", table.catalog().orElse(null));
            row.put("db_schema_name", table.schema());
            row.put("table_type", NameFilter.TABLE_TYPE);
            if (command.getIncludeSchema()) {
                // The Arrow types a query of the table answers with, as DuckDB exports its columns.
                row.put("table_schema", shadow.arrowSchema(table.columns()).serializeAsMessage());
            }
            return row;
        }).toList();
    }

    List<Map<String, Object>> tableTypes() {
        return List.of(row("table_type", NameFilter.TABLE_TYPE));
    }

    private static Map<String, Object> row(String field, Object value) {
        Map<String, Object> row = new HashMap<>();
        row.put(field, value);
        return row;
    }
}
