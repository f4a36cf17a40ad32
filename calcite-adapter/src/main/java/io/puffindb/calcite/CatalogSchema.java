package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.Lake;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A named catalog (an Iceberg catalog, say): its schemas are sub-schemas, listed afresh on each lookup. */
final class CatalogSchema extends AbstractSchema {
    private final Lake lake;

    CatalogSchema(Lake lake) {
        this.lake = requireNonNull(lake, "lake is null");
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String schema : lake.schemaNames()) {
            schemas.put(schema, new LakeSchema(lake, schema));
        }
        return schemas;
    }

    @Override
    public boolean isMutable() {
        return false;
    }
}
