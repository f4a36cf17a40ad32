package io.puffindb.calcite.tier;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An aggregate on a tier, whole or one phase of a split aggregate. */
public final class TierAggregate extends Aggregate implements TierRel {
    private final AggregatePhase phase;

    public TierAggregate(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            @Nullable List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls, AggregatePhase phase) {
        super(cluster, traitSet, List.of(), input, groupSet, groupSets, aggCalls);
        this.phase = requireNonNull(phase, "phase is null");
    }

    public AggregatePhase phase() {
        return phase;
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet, @Nullable List<ImmutableBitSet> groupSets,
            List<AggregateCall> aggCalls) {
        return new TierAggregate(getCluster(), traitSet, input, groupSet, groupSets, aggCalls, phase);
    }

    @Override
    public RelWriter explainTerms(RelWriter writer) {
        return super.explainTerms(writer).itemIf("phase", phase, phase != AggregatePhase.SINGLE);
    }
}
