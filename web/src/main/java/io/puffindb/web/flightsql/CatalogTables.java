package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.calcite.jdbc.JdbcDatabaseSchema;
import io.puffindb.calcite.jdbc.JdbcSourceTable;
import io.puffindb.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * What SQL can name, for metadata: the lake's schemas ({@code schema.table}), each table-format
 * catalog's ({@code catalog.schema.table}) and each mounted database's: its default schema's as {@code database.table},
 * its other schemas' as {@code database.schema.table} (the database listed as their catalog),
 * read afresh on each call since tables come and go with files.
 */
public final class CatalogTables {
    private final Lake lake;
    private final Map<String, Lake> catalogs;
    private final Map<String, JdbcDatabase> databases;

    public CatalogTables(Lake lake, Map<String, Lake> catalogs, List<JdbcDatabase> databases) {
        this.lake = requireNonNull(lake, "lake is null");
        this.catalogs = Map.copyOf(catalogs);
        this.databases = databases.stream().collect(Collectors.toUnmodifiableMap(JdbcDatabase::name, database -> database));
    }

    // A mounted database with schemas beside its default one is a catalog too: <database>.<schema>.<table>.
    List<String> catalogNames() {
        List<String> names = new ArrayList<>(catalogs.keySet());
        databases.values().stream().filter(database -> !JdbcDatabaseSchema.of(database).otherSchemaNames().isEmpty()).forEach(database -> names.add(database.name()));
        return names.stream().sorted().toList();
    }

    /** Schemas as (catalog, schema) pairs, the lake's first. */
    List<ListedTable> schemas() {
        List<ListedTable> schemas = new ArrayList<>();
        lake.schemaNames().stream().sorted().forEach(schema -> schemas.add(new ListedTable(Optional.empty(), schema, "", List.of())));
        for (String catalog : catalogs.keySet().stream().sorted().toList()) {
            catalogs.get(catalog).schemaNames().stream().sorted()
                    .forEach(schema -> schemas.add(new ListedTable(Optional.of(catalog), schema, "", List.of())));
        }
        for (String database : databases.keySet().stream().sorted().toList()) {
            schemas.add(new ListedTable(Optional.empty(), database, "", List.of()));
            JdbcDatabaseSchema.of(databases.get(database)).otherSchemaNames()
                    .forEach(schema -> schemas.add(new ListedTable(Optional.of(database), schema, "", List.of())));
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
            JdbcDatabase database = schema.catalog().isEmpty() ? databases.get(schema.schema()) : null;
            if (database != null) {
                tables.addAll(databaseTables(database, JdbcDatabaseSchema.of(database), Optional.empty()));
                continue;
            }
            JdbcDatabase owner = schema.catalog().map(databases::get).orElse(null);
            if (owner != null) {
                Schema other = JdbcDatabaseSchema.of(owner).subSchemas().get(schema.schema());
                tables.addAll(databaseTables(owner, other, Optional.of(schema.schema())));
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

    // The tables of one of a database's schemas, as SQL names them: <database>.<table> for the default one, else <database>.<schema>.<table>.
    private static List<ListedTable> databaseTables(JdbcDatabase database, Schema schema, Optional<String> otherSchema) {
        Lookup<Table> tables = schema.tables();
        List<ListedTable> listed = new ArrayList<>();
        for (String name : tables.getNames(LikePattern.any()).stream().sorted().toList()) {
            JdbcSourceTable table = (JdbcSourceTable) tables.get(name);
            listed.add(otherSchema.isPresent()
                    ? new ListedTable(Optional.of(database.name()), otherSchema.get(), name, table.columns())
                    : new ListedTable(Optional.empty(), database.name(), name, table.columns()));
        }
        return listed;
    }
}
