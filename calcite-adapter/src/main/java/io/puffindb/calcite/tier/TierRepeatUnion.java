package io.puffindb.calcite.tier;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RepeatUnion;

/**
 * A recursive CTE on a tier: the seed's rows, then the iterative part's over the rows of the step
 * before (read through a scan of the transient table), until a step adds none. It runs whole inside
 * one engine, as DuckDB's {@code WITH RECURSIVE}.
 */
public final class TierRepeatUnion extends RepeatUnion implements TierRel {
    public TierRepeatUnion(RelOptCluster cluster, RelTraitSet traitSet, RelNode seed, RelNode iterative, boolean all, int iterationLimit,
            RelOptTable transientTable) {
        super(cluster, traitSet, seed, iterative, all, iterationLimit, transientTable);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new TierRepeatUnion(getCluster(), traitSet, inputs.get(0), inputs.get(1), all, iterationLimit, transientTable);
    }
}
