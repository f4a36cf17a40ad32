package io.puffindb.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What queries have learned about one version of a table, for the cost model: its row count and,
 * per column, how many distinct values it has. Either may be unknown.
 */
public record TableStatistics(OptionalLong rowCount, Map<String, Long> distinctValues) {
    public static final TableStatistics NONE = new TableStatistics(OptionalLong.empty(), Map.of());

    public TableStatistics {
        distinctValues = Map.copyOf(distinctValues);
    }

    /** These statistics with what {@code newer} knows laid over them. */
    public TableStatistics with(TableStatistics newer) {
        Map<String, Long> distinct = new HashMap<>(distinctValues);
        distinct.putAll(newer.distinctValues);
        return new TableStatistics(newer.rowCount.isPresent() ? newer.rowCount : rowCount, distinct);
    }
}
