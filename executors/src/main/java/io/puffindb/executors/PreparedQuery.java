package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LogicalPlan;
import io.puffindb.cost.TierMetadata;
import io.puffindb.executors.cache.CacheSnapshot;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.executors.stats.GroupCount;
import java.util.List;
import java.util.Optional;

/**
 * A query after planning: its logical plan, its placement on the tiers cut into fragments, the
 * workers it was planned for, the cache directory as planning saw it, the table statistic its row
 * count will measure (if any), the time planning took, and its answer's columns (named as DuckDB
 * names the caller's SQL, see {@link ResultNames}; none for a part of a query, which answers with
 * the columns of the SQL rendered for it).
 */
public record PreparedQuery(String sql, LogicalPlan plan, Fragment rootFragment, List<String> workers, TierMetadata metadata,
        CacheSnapshot caches, Optional<GroupCount> measures, long planMillis, Optional<AnswerColumns> answerColumns) {
    public PreparedQuery {
        requireNonNull(sql, "sql is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(rootFragment, "rootFragment is null");
        workers = List.copyOf(workers);
        requireNonNull(metadata, "metadata is null");
        requireNonNull(caches, "caches is null");
        requireNonNull(measures, "measures is null");
        requireNonNull(answerColumns, "answerColumns is null");
    }

    /**
     * The same query cut down to {@code fragment} and what it reads: the part a service runs for a
     * client whose plan reads that fragment's rows, shown as {@code part} of the query. It measures no
     * statistic (its rows are not the query's).
     */
    public PreparedQuery rootedAt(Fragment fragment, String part) {
        return new PreparedQuery("/* " + part + " of */ " + sql, plan, fragment, workers, metadata, caches, Optional.empty(), planMillis, Optional.empty());
    }
}
