package io.puffindb.executors;

import io.puffindb.calcite.tier.TierSummarize;
import io.puffindb.executors.fragment.Fragment;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;

/**
 * DuckDB's SUMMARIZE of a query: the query planned as any other, its last fragment topped by a
 * summary of its answer (see {@link TierSummarize}), so every interface (JSON, Arrow, Flight SQL,
 * DESCRIBE, EXPLAIN) sees the summary's rows and columns.
 */
final class Summaries {
    private Summaries() {
    }

    /** {@code statement}, a SUMMARIZE, answered over {@code target}, its query planned. */
    static PreparedQuery of(String statement, PreparedQuery target) {
        Fragment root = target.rootFragment();
        RelNode answer = root.root();
        AnswerColumns columns = target.answerColumns().orElseGet(() -> AnswerColumns.inPlanOrder(answer.getRowType().getFieldNames()));
        TierSummarize summary = new TierSummarize(answer.getCluster(), answer.getTraitSet(), answer, columns.names(), columns.planColumns());
        Fragment summarized = new Fragment(root.id(), root.tier(), summary, root.inputs(), root.fanOutScan());
        // It measures no table statistic: its rows are not the target's.
        return new PreparedQuery(statement, target.plan(), summarized, target.workers(), target.metadata(), target.caches(), Optional.empty(),
                target.planMillis(), Optional.of(AnswerColumns.inPlanOrder(summary.getRowType().getFieldNames())));
    }
}
