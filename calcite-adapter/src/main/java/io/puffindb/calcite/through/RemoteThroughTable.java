package io.puffindb.calcite.through;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.DuckDbTypes;
import io.puffindb.calcite.StreamedTable;
import io.puffindb.lake.LakeColumn;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A THROUGH subquery that another service runs, standing as a table here: its row type is what the
 * service described; at run time its rows arrive as an Arrow stream registered under {@link #streamName()}.
 */
public final class RemoteThroughTable extends AbstractTable implements StreamedTable {
    // Unknown until it runs; a middling guess keeps joins with it from looking free or ruinous.
    private static final double ESTIMATED_ROWS = 1_000;

    private final String streamName;
    private final ThroughEndpoint endpoint;
    private final String sql;
    private final List<LakeColumn> columns;

    public RemoteThroughTable(String streamName, ThroughEndpoint endpoint, String sql, List<LakeColumn> columns) {
        this.streamName = requireNonNull(streamName, "streamName is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.sql = requireNonNull(sql, "sql is null");
        this.columns = List.copyOf(columns);
    }

    @Override
    public String streamName() {
        return streamName;
    }

    public ThroughEndpoint endpoint() {
        return endpoint;
    }

    /** The subquery's text as sent to the service: unparsed from its syntax tree, its own THROUGHs intact. */
    public String sql() {
        return sql;
    }

    @Override
    public List<LakeColumn> columns() {
        return columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder rowType = typeFactory.builder();
        for (LakeColumn column : columns) {
            rowType.add(column.name(), DuckDbTypes.toRelType(typeFactory, "THROUGH " + endpoint.text(), column));
        }
        return rowType.build();
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(ESTIMATED_ROWS, List.of());
    }
}
