package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.calcite.jdbc.JdbcDatabaseSchema;
import io.puffindb.lake.Lake;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The catalog a query is validated against: each schema folder of the lake as a Calcite schema. One
 * schema is the default, so that TPC-H's unqualified table names resolve.
 */
public final class LakeCatalog {
    private final Lake lake;
    private final Map<String, Lake> catalogs;
    private final List<JdbcDatabase> databases;
    private final String defaultSchema;

    public LakeCatalog(Lake lake, String defaultSchema) {
        this(lake, Map.of(), List.of(), defaultSchema);
    }

    /**
     * {@code catalogs} are table-format catalogs by name: their schemas are reached as {@code name.schema.table};
     * {@code databases} are mounted under their names ({@code name.table}, {@code name.schema.table}).
     */
    public LakeCatalog(Lake lake, Map<String, Lake> catalogs, List<JdbcDatabase> databases, String defaultSchema) {
        this.lake = requireNonNull(lake, "lake is null");
        this.catalogs = Map.copyOf(catalogs);
        this.databases = List.copyOf(databases);
        this.defaultSchema = requireNonNull(defaultSchema, "defaultSchema is null");
    }

    /** A fresh root schema; cheap, since tables are listed lazily. */
    public CalciteSchema rootSchema() {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        SchemaPlus plus = root.plus();
        for (String schema : lake.schemaNames()) {
            plus.add(schema, new LakeSchema(lake, schema));
        }
        catalogs.forEach((name, catalog) -> plus.add(name, new CatalogSchema(catalog)));
        databases.forEach(database -> plus.add(database.name(), JdbcDatabaseSchema.of(database)));
        return root;
    }

    /** Where unqualified names are looked up first (Calcite then tries the root); {@code iceberg.tpch} names a catalog's schema. */
    public List<String> defaultSchemaPath() {
        return List.of(defaultSchema.split("\\."));
    }
}
