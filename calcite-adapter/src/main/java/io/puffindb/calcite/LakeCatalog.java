package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.Lake;
import java.util.List;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The catalog a query is validated against: each schema folder of the lake as a Calcite schema. One
 * schema is the default, so that TPC-H's unqualified table names resolve.
 */
public final class LakeCatalog {
    private final Lake lake;
    private final String defaultSchema;

    public LakeCatalog(Lake lake, String defaultSchema) {
        this.lake = requireNonNull(lake, "lake is null");
        this.defaultSchema = requireNonNull(defaultSchema, "defaultSchema is null");
    }

    /** A fresh root schema; cheap, since tables are listed lazily. */
    public CalciteSchema rootSchema() {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        SchemaPlus plus = root.plus();
        for (String schema : lake.schemaNames()) {
            plus.add(schema, new LakeSchema(lake, schema));
        }
        return root;
    }

    /** Where unqualified names are looked up first (Calcite then tries the root). */
    public List<String> defaultSchemaPath() {
        return List.of(defaultSchema);
    }
}
