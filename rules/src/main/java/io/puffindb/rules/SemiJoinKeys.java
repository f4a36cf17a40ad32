package io.puffindb.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Narrows the right side of every semi and anti join to the columns its condition reads: the sub-query's
 * rows are only probed by their keys, so an exchange below the join carries the keys alone (TPC-H Q4's
 * lineitem rows crossed to the MONOSTORE with both dates the filter had already used).
 */
final class SemiJoinKeys {
    private SemiJoinKeys() {
    }

    static RelNode narrow(RelNode plan, RelBuilder builder) {
        List<RelNode> inputs = plan.getInputs().stream().map(input -> narrow(input, builder)).toList();
        RelNode rebuilt = inputs.equals(plan.getInputs()) ? plan : plan.copy(plan.getTraitSet(), inputs);
        if (!(rebuilt instanceof Join join) || (join.getJoinType() != JoinRelType.SEMI && join.getJoinType() != JoinRelType.ANTI)) {
            return rebuilt;
        }
        int leftCount = join.getLeft().getRowType().getFieldCount();
        int rightCount = join.getRight().getRowType().getFieldCount();
        ImmutableBitSet rightUsed = RelOptUtil.InputFinder.bits(join.getCondition()).get(leftCount, leftCount + rightCount).shift(-leftCount);
        if (rightUsed.cardinality() == rightCount) {
            return rebuilt;
        }
        List<Integer> kept = rightUsed.asList();
        RelNode right = builder.push(join.getRight()).project(builder.fields(kept)).build();
        RexNode condition = join.getCondition().accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int index = ref.getIndex();
                return index < leftCount ? ref : new RexInputRef(leftCount + kept.indexOf(index - leftCount), ref.getType());
            }
        });
        return join.copy(join.getTraitSet(), condition, join.getLeft(), right, join.getJoinType(), join.isSemiJoinDone());
    }
}
