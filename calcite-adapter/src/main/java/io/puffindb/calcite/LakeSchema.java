package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.Lake;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.checkerframework.checker.nullness.qual.Nullable;
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

    /**
     * Besides the listed tables, names the lake resolves on demand: an Iceberg table at an older
     * snapshot ({@code "orders@4987123"}) is a table of its own that no listing could hold.
     */
    @Override
    public Lookup<Table> tables() {
        return Lookup.concat(super.tables(), new Lookup<>() {
            @Override
            public @Nullable Table get(String table) {
                return table.contains("@") && lake.table(name, table).isPresent() ? new LakeCalciteTable(lake, name, table) : null;
            }

            @Override
            public @Nullable Named<Table> getIgnoreCase(String table) {
                Table found = get(table);
                return found == null ? null : new Named<>(table, found);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                return Set.of();
            }
        });
    }

    @Override
    public boolean isMutable() {
        return false;
    }
}
