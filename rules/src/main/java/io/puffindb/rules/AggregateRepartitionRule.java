package io.puffindb.rules;

import io.puffindb.calcite.tier.AggregatePhase;
import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.TierAggregate;
import io.puffindb.calcite.tier.TierConvention;
import io.puffindb.calcite.tier.TierExchange;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.logical.LogicalAggregate;

/**
 * Offers a grouped aggregate on LAMBDA over rows dealt to the tasks by the hash of the group keys:
 * each task then holds whole groups, so any aggregate — COUNT DISTINCT, STDDEV — is computed there
 * in one step, and the results are simply gathered. The cost decides whether that beats sending
 * every row to the MONOSTORE.
 */
public final class AggregateRepartitionRule extends RelOptRule {
    public static final AggregateRepartitionRule INSTANCE = new AggregateRepartitionRule();

    private AggregateRepartitionRule() {
        super(operand(LogicalAggregate.class, any()), "AggregateRepartitionRule");
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        return aggregate.getGroupType() == Aggregate.Group.SIMPLE && aggregate.getGroupCount() > 0;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        RelNode lambdaInput = TierConverterRules.convert(aggregate.getInput(), TierConvention.LAMBDA);
        TierExchange byKey = new TierExchange(aggregate.getCluster(), aggregate.getTraitSet().replace(TierConvention.LAMBDA_BY_KEY), lambdaInput,
                ExchangeKind.HASH, aggregate.getGroupSet().asList());
        call.transformTo(new TierAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(TierConvention.LAMBDA), byKey,
                aggregate.getGroupSet(), null, aggregate.getAggCallList(), AggregatePhase.SINGLE));
    }
}
