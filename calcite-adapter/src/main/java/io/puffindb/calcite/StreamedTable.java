package io.puffindb.calcite;

import io.puffindb.lake.LakeColumn;
import java.util.List;

/**
 * A table whose rows do not come from lake files but arrive at run time as an Arrow stream, registered
 * in the MONOSTORE engine that reads it under {@link #streamName()}: a THROUGH subquery another service
 * runs, or a subquery pushed down into a JDBC database. Only the MONOSTORE reads such a table.
 */
public interface StreamedTable {
    String streamName();

    /** The stream's columns as DuckDB types, for engines that must know them before the rows arrive. */
    List<LakeColumn> columns();
}
