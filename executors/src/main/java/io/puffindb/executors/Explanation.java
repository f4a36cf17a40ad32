package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

/** EXPLAIN's answer: the plan as a tree and as text, and the DuckDB SQL it runs as. */
public record Explanation(PlanDescription plan, String text, String duckDbSql) {
    public Explanation {
        requireNonNull(plan, "plan is null");
        requireNonNull(text, "text is null");
        requireNonNull(duckDbSql, "duckDbSql is null");
    }
}
