package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A lake table as Calcite sees it: its row type from the files' exact types and its row count from
 * their footers. The metadata is read when a query first touches the table.
 */
public final class LakeCalciteTable extends AbstractTable {
    private final Lake lake;
    private final String schema;
    private final String name;

    LakeCalciteTable(Lake lake, String schema, String name) {
        this.lake = requireNonNull(lake, "lake is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.name = requireNonNull(name, "name is null");
    }

    /** The table's current metadata: files, statistics and columns. */
    public LakeTable lakeTable() {
        return lake.table(schema, name)
                .orElseThrow(() -> new PuffinException(ErrorCode.TABLE_NOT_FOUND, "Table '" + schema + "." + name + "' not found (its folder holds no data files)"));
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        LakeTable table = lakeTable();
        RelDataTypeFactory.Builder rowType = typeFactory.builder();
        for (LakeColumn column : table.columns()) {
            rowType.add(column.name(), DuckDbTypes.toRelType(typeFactory, table.qualifiedName(), column));
        }
        return rowType.build();
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(lakeTable().rowCount(), List.of());
    }
}
