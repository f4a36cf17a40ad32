package io.puffindb.calcite;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.hint.RelHint;

/**
 * A logical scan of the files of a lake table that its filter may match, before placement, so costs
 * see the pruned rows and bytes. Its pruning is part of what it is (its digest): the planner never
 * takes it for a scan of the same table's other files, as it would a plain logical scan of that table.
 */
public final class PrunedTableScan extends TableScan {
    public PrunedTableScan(RelOptCluster cluster, RelTraitSet traitSet, List<RelHint> hints, RelOptTable table) {
        super(cluster, traitSet, hints, table);
    }

    /** A logical scan of {@code table}, whose {@link LakeCalciteTable} is a pruned one. */
    public static PrunedTableScan of(RelOptCluster cluster, List<RelHint> hints, RelOptTable table) {
        return new PrunedTableScan(cluster, cluster.traitSetOf(Convention.NONE), hints, table);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PrunedTableScan(getCluster(), traitSet, getHints(), getTable());
    }

    @Override
    public RelNode withHints(List<RelHint> hintList) {
        return new PrunedTableScan(getCluster(), getTraitSet(), hintList, getTable());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        LakeCalciteTable lakeTable = getTable().unwrap(LakeCalciteTable.class);
        String pruned = lakeTable == null ? "" : lakeTable.pruning().map(SplitPruning::describe).orElse("");
        return super.explainTerms(pw).itemIf("pruned", pruned, !pruned.isEmpty());
    }
}
