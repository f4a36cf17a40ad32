package io.puffindb.rules;

import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.TierConvention;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierJoin;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;

/**
 * Offers a join on LAMBDA with one side broadcast whole to every task, so the probe runs next to
 * the big scan. Only where that is correct task by task: the broadcast side must not need its
 * unmatched rows reported (so RIGHT and FULL joins broadcast the other side, or stay off LAMBDA).
 */
public final class BroadcastJoinRule extends RelOptRule {
    public static final BroadcastJoinRule INSTANCE = new BroadcastJoinRule();

    private BroadcastJoinRule() {
        super(operand(LogicalJoin.class, any()), "BroadcastJoinRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalJoin join = call.rel(0);
        JoinRelType type = join.getJoinType();
        if (type == JoinRelType.INNER || type == JoinRelType.LEFT || type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
            call.transformTo(lambdaJoin(join, TierConverterRules.convert(join.getLeft(), TierConvention.LAMBDA), broadcast(join.getRight())));
        }
        if (type == JoinRelType.INNER || type == JoinRelType.RIGHT) {
            call.transformTo(lambdaJoin(join, broadcast(join.getLeft()), TierConverterRules.convert(join.getRight(), TierConvention.LAMBDA)));
        }
    }

    private static TierJoin lambdaJoin(LogicalJoin join, RelNode left, RelNode right) {
        return new TierJoin(join.getCluster(), join.getTraitSet().replace(TierConvention.LAMBDA), left, right, join.getCondition(), join.getJoinType());
    }

    // The side to broadcast is computed on MONOSTORE (gathered there first if it comes from LAMBDA).
    private static RelNode broadcast(RelNode side) {
        RelNode onMonostore = TierConverterRules.convert(side, TierConvention.MONOSTORE);
        return new TierExchange(side.getCluster(), side.getTraitSet().replace(TierConvention.LAMBDA_BROADCAST), onMonostore, ExchangeKind.BROADCAST);
    }
}
