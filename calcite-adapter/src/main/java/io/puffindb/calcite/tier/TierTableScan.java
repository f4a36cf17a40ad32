package io.puffindb.calcite.tier;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/** Reads a lake table on a tier; on LAMBDA each task reads its own share of the table's files. */
public final class TierTableScan extends TableScan implements TierRel {
    public TierTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table) {
        super(cluster, traitSet, List.of(), table);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new TierTableScan(getCluster(), traitSet, getTable());
    }
}
