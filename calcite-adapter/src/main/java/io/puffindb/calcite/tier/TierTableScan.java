package io.puffindb.calcite.tier;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.jdbc.JdbcQueryTable;
import io.puffindb.calcite.SplitPruning;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import io.puffindb.calcite.through.TierPins;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.hint.RelHint;

/**
 * Reads a lake table on a tier; on LAMBDA each task reads its own share of the table's files. It
 * keeps the hints of the logical scan, so a THROUGH pin stays visible in EXPLAIN.
 */
public final class TierTableScan extends TableScan implements TierRel {
    public TierTableScan(RelOptCluster cluster, RelTraitSet traitSet, List<RelHint> hints, RelOptTable table) {
        super(cluster, traitSet, hints, table);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new TierTableScan(getCluster(), traitSet, getHints(), getTable());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        Optional<SplitPruning> pruning = Optional.ofNullable(getTable().unwrap(LakeCalciteTable.class)).flatMap(LakeCalciteTable::pruning);
        // A part pushed into a database shows the SQL the database runs.
        Optional<JdbcQueryTable> database = Optional.ofNullable(getTable().unwrap(JdbcQueryTable.class));
        return super.explainTerms(pw).itemIf("pruned", pruning.map(SplitPruning::describe).orElse(""), pruning.isPresent())
                .itemIf("database", database.map(query -> query.database().name()).orElse(""), database.isPresent())
                .itemIf("sql", database.map(JdbcQueryTable::sql).orElse(""), database.isPresent());
    }

    /** The tier a THROUGH pinned this scan to, if any. */
    public Optional<Tier> pin() {
        return TierPins.pinOf(this);
    }
}
