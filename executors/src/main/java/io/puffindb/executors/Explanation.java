package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * EXPLAIN's answer: the placed plan as a tree and as text, the logical plan it came from, each
 * fragment with its DuckDB SQL, and for EXPLAIN ANALYZE the rows the query returned and its time.
 */
public record Explanation(PlanDescription plan, String text, String logicalText, List<FragmentDescription> fragments, String duckDbSql,
        Long actualRows, Long elapsedMillis) {
    public Explanation {
        requireNonNull(plan, "plan is null");
        requireNonNull(text, "text is null");
        requireNonNull(logicalText, "logicalText is null");
        fragments = List.copyOf(fragments);
        requireNonNull(duckDbSql, "duckDbSql is null");
    }
}
