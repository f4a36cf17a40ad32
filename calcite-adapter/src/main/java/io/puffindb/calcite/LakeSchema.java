package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.Lake;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One schema folder of the lake; its table folders are its tables, listed afresh on each lookup. */
final class LakeSchema extends AbstractSchema {
    private final Lake lake;
    private final String name;

    LakeSchema(Lake lake, String name) {
        this.lake = requireNonNull(lake, "lake is null");
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String table : lake.tableNames(name)) {
            tables.put(table, new LakeCalciteTable(lake, name, table));
        }
        return tables;
    }

    @Override
    public boolean isMutable() {
        return false;
    }
}
