package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What SQL can name, for metadata: the lake's schemas ({@code schema.table}) and each table-format
 * catalog's ({@code catalog.schema.table}), read afresh on each call since tables come and go with files.
 */
public final class CatalogTables {
    private final Lake lake;
    private final Map<String, Lake> catalogs;

    public CatalogTables(Lake lake, Map<String, Lake> catalogs) {
        this.lake = requireNonNull(lake, "lake is null");
        this.catalogs = Map.copyOf(catalogs);
    }

    List<String> catalogNames() {
        return catalogs.keySet().stream().sorted().toList();
    }

    /** Schemas as (catalog, schema) pairs, the lake's first. */
    List<ListedTable> schemas() {
        List<ListedTable> schemas = new ArrayList<>();
        lake.schemaNames().stream().sorted().forEach(schema -> schemas.add(new ListedTable(Optional.empty(), schema, "", List.of())));
        for (String catalog : catalogNames()) {
            catalogs.get(catalog).schemaNames().stream().sorted()
                    .forEach(schema -> schemas.add(new ListedTable(Optional.of(catalog), schema, "", List.of())));
        }
        return schemas;
    }

    /** Every table of the schemas {@code schemaFilter} accepts, with its columns. */
    public List<ListedTable> tables(java.util.function.Predicate<ListedTable> schemaFilter) {
        List<ListedTable> tables = new ArrayList<>();
        for (ListedTable schema : schemas()) {
            if (!schemaFilter.test(schema)) {
                continue;
            }
            Lake source = schema.catalog().map(catalogs::get).orElse(lake);
            for (String name : source.tableNames(schema.schema()).stream().sorted().toList()) {
                source.table(schema.schema(), name)
                        .ifPresent(table -> tables.add(new ListedTable(schema.catalog(), schema.schema(), name, table.columns())));
            }
        }
        return tables;
    }
}
