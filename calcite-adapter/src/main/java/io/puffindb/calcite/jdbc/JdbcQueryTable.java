package io.puffindb.calcite.jdbc;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.StreamedTable;
import io.puffindb.lake.LakeColumn;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A part of the plan pushed down into a mounted database, standing as a table: the database runs
 * {@link #sql()} and its rows arrive at the MONOSTORE as Arrow, registered under {@link #streamName()}.
 */
public final class JdbcQueryTable extends AbstractTable implements StreamedTable {
    private final String streamName;
    private final JdbcDatabase database;
    private final String sql;
    private final RelDataType rowType;
    private final List<LakeColumn> columns;
    private final double estimatedRows;

    public JdbcQueryTable(String streamName, JdbcDatabase database, String sql, RelDataType rowType, List<LakeColumn> columns, double estimatedRows) {
        this.streamName = requireNonNull(streamName, "streamName is null");
        this.database = requireNonNull(database, "database is null");
        this.sql = requireNonNull(sql, "sql is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.columns = List.copyOf(columns);
        this.estimatedRows = estimatedRows;
    }

    @Override
    public String streamName() {
        return streamName;
    }

    public JdbcDatabase database() {
        return database;
    }

    /** The SQL the database runs, in its own dialect. */
    public String sql() {
        return sql;
    }

    @Override
    public List<LakeColumn> columns() {
        return columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType;
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(estimatedRows, List.of());
    }
}
