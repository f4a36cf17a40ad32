package io.puffindb.calcite.tier;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A sort, limit or offset (or all three) on a tier. */
public final class TierSort extends Sort implements TierRel {
    public TierSort(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, RelCollation collation, @Nullable RexNode offset,
            @Nullable RexNode fetch) {
        super(cluster, traitSet, List.of(), input, collation, offset, fetch);
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation, @Nullable RexNode offset, @Nullable RexNode fetch) {
        return new TierSort(getCluster(), traitSet, newInput, newCollation, offset, fetch);
    }
}
