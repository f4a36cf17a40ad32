package io.puffindb.calcite.tier;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * Where two tiers meet: rows of the input (on the input's tier) stream to this node's tier as Arrow
 * batches over Flight. The plan is cut into fragments here.
 */
public final class TierExchange extends SingleRel implements TierRel {
    private final ExchangeKind kind;
    private final List<Integer> keys;

    public TierExchange(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, ExchangeKind kind) {
        this(cluster, traitSet, input, kind, List.of());
    }

    /** A hash exchange dealing rows by {@code keys} (input column indexes). */
    public TierExchange(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, ExchangeKind kind, List<Integer> keys) {
        super(cluster, traitSet, input);
        this.kind = requireNonNull(kind, "kind is null");
        this.keys = List.copyOf(keys);
        if ((kind == ExchangeKind.HASH) == this.keys.isEmpty()) {
            throw new IllegalArgumentException("A hash exchange needs keys, and only a hash exchange has them");
        }
    }

    public ExchangeKind kind() {
        return kind;
    }

    /** The input columns whose hash decides a row's task (hash exchanges only). */
    public List<Integer> keys() {
        return keys;
    }

    /** The tier the rows come from. */
    public Tier from() {
        return ((TierConvention) getInput().getConvention()).tier();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new TierExchange(getCluster(), traitSet, sole(inputs), kind, keys);
    }

    @Override
    public RelWriter explainTerms(RelWriter writer) {
        return super.explainTerms(writer).item("kind", kind).itemIf("keys", keys, !keys.isEmpty()).item("from", from()).item("to", tier());
    }
}
