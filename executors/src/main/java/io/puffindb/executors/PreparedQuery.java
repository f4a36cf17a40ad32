package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LogicalPlan;
import io.puffindb.cost.TierMetadata;
import io.puffindb.executors.cache.CacheSnapshot;
import io.puffindb.executors.fragment.Fragment;
import java.util.List;

/**
 * A query after planning: its logical plan, its placement on the tiers cut into fragments, the
 * workers it was planned for, the cache directory as planning saw it, and the time planning took.
 */
public record PreparedQuery(String sql, LogicalPlan plan, Fragment rootFragment, List<String> workers, TierMetadata metadata,
        CacheSnapshot caches, long planMillis) {
    public PreparedQuery {
        requireNonNull(sql, "sql is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(rootFragment, "rootFragment is null");
        workers = List.copyOf(workers);
        requireNonNull(metadata, "metadata is null");
        requireNonNull(caches, "caches is null");
    }
}
