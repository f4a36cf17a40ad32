package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.calcite.jdbc.JdbcDatabaseSchema;
import io.puffindb.calcite.jdbc.JdbcSourceTable;
import io.puffindb.lake.FileFormat;
import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeTable;
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
    private final Map<String, TableFormat> folderFormats;
    private final List<String> defaultSchema;

    /**
     * {@code catalogs}: the Iceberg catalogs by name; {@code folderFormats}: the lake's schemas that are folders of a table
     * format (Delta, Hudi), the others holding plain files; {@code defaultSchema}: where unqualified table names resolve.
     */
    public CatalogTables(Lake lake, Map<String, Lake> catalogs, List<JdbcDatabase> databases, Map<String, TableFormat> folderFormats,
            List<String> defaultSchema) {
        this.lake = requireNonNull(lake, "lake is null");
        this.catalogs = Map.copyOf(catalogs);
        this.databases = databases.stream().collect(Collectors.toUnmodifiableMap(JdbcDatabase::name, database -> database));
        this.folderFormats = Map.copyOf(folderFormats);
        this.defaultSchema = List.copyOf(defaultSchema);
    }

    /** The schema path unqualified table names resolve in. */
    public List<String> defaultSchema() {
        return defaultSchema;
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
        lake.schemaNames().stream().sorted().forEach(schema -> schemas.add(new ListedTable(Optional.empty(), schema, "", Optional.empty(), List.of())));
        for (String catalog : catalogs.keySet().stream().sorted().toList()) {
            catalogs.get(catalog).schemaNames().stream().sorted()
                    .forEach(schema -> schemas.add(new ListedTable(Optional.of(catalog), schema, "", Optional.empty(), List.of())));
        }
        for (String database : databases.keySet().stream().sorted().toList()) {
            schemas.add(new ListedTable(Optional.empty(), database, "", Optional.empty(), List.of()));
            JdbcDatabaseSchema.of(databases.get(database)).otherSchemaNames()
                    .forEach(schema -> schemas.add(new ListedTable(Optional.of(database), schema, "", Optional.empty(), List.of())));
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
                tables.addAll(databaseTables(owner, JdbcDatabaseSchema.of(owner, schema.schema()), Optional.of(schema.schema())));
                continue;
            }
            Lake source = schema.catalog().map(catalogs::get).orElse(lake);
            for (String name : source.tableNames(schema.schema()).stream().sorted().toList()) {
                source.table(schema.schema(), name)
                        .ifPresent(table -> tables.add(new ListedTable(schema.catalog(), schema.schema(), name, Optional.of(format(schema, table)), table.columns())));
            }
        }
        return tables;
    }

    /** A lake or catalog table's current metadata (its files); none for an unknown name or a mounted database's table. */
    public Optional<LakeTable> lakeTable(Optional<String> catalog, String schema, String name) {
        if (catalog.isPresent()) {
            // A database named as a catalog (its other schemas) holds no lake table: catalogs has no entry for it.
            return Optional.ofNullable(catalogs.get(catalog.get())).flatMap(source -> source.table(schema, name));
        }
        return databases.containsKey(schema) ? Optional.empty() : lake.table(schema, name);
    }

    // A catalog's tables are Iceberg's; a folder schema's, its format's or its files'.
    private TableFormat format(ListedTable schema, LakeTable table) {
        if (schema.catalog().isPresent()) {
            return TableFormat.ICEBERG;
        }
        TableFormat folder = folderFormats.get(schema.schema());
        if (folder != null) {
            return folder;
        }
        // A folder table holds one format, and at least one file (an empty folder is no table).
        return TableFormat.of(FileFormat.ofFileName(table.splits().get(0).path()).orElseThrow());
    }

    // The tables of one of a database's schemas, as SQL names them: <database>.<table> for the default one, else <database>.<schema>.<table>.
    private static List<ListedTable> databaseTables(JdbcDatabase database, Schema schema, Optional<String> otherSchema) {
        Lookup<Table> tables = schema.tables();
        List<ListedTable> listed = new ArrayList<>();
        for (String name : tables.getNames(LikePattern.any()).stream().sorted().toList()) {
            JdbcSourceTable table = (JdbcSourceTable) tables.get(name);
            listed.add(new ListedTable(otherSchema.map(other -> database.name()), otherSchema.orElse(database.name()), name, Optional.of(TableFormat.JDBC),
                    table.columns()));
        }
        return listed;
    }
}
