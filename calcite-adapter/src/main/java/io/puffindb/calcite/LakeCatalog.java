package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

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
    private final String defaultSchema;

    public LakeCatalog(Lake lake, String defaultSchema) {
        this(lake, Map.of(), defaultSchema);
    }

    /** {@code catalogs} are table-format catalogs by name: their schemas are reached as {@code name.schema.table}. */
    public LakeCatalog(Lake lake, Map<String, Lake> catalogs, String defaultSchema) {
        this.lake = requireNonNull(lake, "lake is null");
        this.catalogs = Map.copyOf(catalogs);
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
        return root;
    }

    /** Where unqualified names are looked up first (Calcite then tries the root); {@code iceberg.tpch} names a catalog's schema. */
    public List<String> defaultSchemaPath() {
        return List.of(defaultSchema.split("\\."));
    }
}
