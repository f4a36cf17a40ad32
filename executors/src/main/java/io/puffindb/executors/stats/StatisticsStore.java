package io.puffindb.executors.stats;

import io.puffindb.calcite.LearnedStatistics;
import io.puffindb.registry.Registry;
import io.puffindb.registry.TableStatistics;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table statistics that queries teach the Registry and planning reads back. A Registry that cannot
 * be reached only makes estimates poorer, so its failures are logged, never thrown at a query.
 */
public final class StatisticsStore {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsStore.class);

    private final Registry registry;

    public StatisticsStore(Registry registry) {
        this.registry = registry;
    }

    /** What the Registry knows, read at most once per table for one planning. */
    public LearnedStatistics forPlanning() {
        Map<String, TableStatistics> read = new ConcurrentHashMap<>();
        return (tableKey, columns) -> {
            Long distinct = read.computeIfAbsent(tableKey, this::read).distinctValues().get(LearnedStatistics.columnsKey(columns));
            return distinct == null ? OptionalLong.empty() : OptionalLong.of(distinct);
        };
    }

    /** Records what a finished query's row count measured. */
    public void learn(GroupCount measured, long groups) {
        try {
            registry.recordStatistics(measured.tableKey(), new TableStatistics(OptionalLong.empty(), Map.of(measured.columnsKey(), groups)));
            LOG.debug("Learned {} distinct ({}) in {}", groups, measured.columnsKey(), measured.tableKey());
        } catch (RuntimeException e) {
            LOG.warn("Cannot record statistics of {}: {}", measured.tableKey(), e.getMessage());
        }
    }

    private TableStatistics read(String tableKey) {
        try {
            return registry.statistics(tableKey);
        } catch (RuntimeException e) {
            LOG.warn("Statistics unavailable, planning without them: {}", e.getMessage());
            return TableStatistics.NONE;
        }
    }
}
