package io.puffindb.calcite.through;

import io.puffindb.lake.LakeColumn;
import java.util.List;

/** Asks another PuffinDB service what a query's result looks like, without running it. */
@FunctionalInterface
public interface RemoteService {
    /** The result's columns with exact DuckDB types, as the service at {@code endpoint} would return them. */
    List<LakeColumn> describe(ThroughEndpoint endpoint, String sql);
}
