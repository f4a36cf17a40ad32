package io.puffindb.rules;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls the conditions common to every branch of an OR out of filter and join conditions:
 * {@code (a AND b) OR (a AND c)} becomes {@code a AND (b OR c)}. TPC-H Q19's WHERE is an OR of three ANDs that
 * all say {@code p_partkey = l_partkey} and the same lineitem conditions; left inside the OR, the join
 * has no key (a cross product) and the scans nothing to filter on. Pulled out, the key joins and the
 * single-table conditions move to the scans. Distribution over AND holds in SQL's three-valued logic, so
 * the answer is the same; conditions that are not deterministic stay as written (each call draws anew).
 */
final class OrFactors extends RelHomogeneousShuttle {
    private OrFactors() {
    }

    /** The plan with the common factors of every OR pulled out of its filter and join conditions. */
    static RelNode pull(RelNode plan) {
        return plan.accept(new OrFactors());
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof Filter filter) {
            RexNode pulled = pulled(filter, filter.getCondition());
            return pulled == null ? filter : filter.copy(filter.getTraitSet(), filter.getInput(), pulled);
        }
        if (visited instanceof Join join) {
            RexNode pulled = pulled(join, join.getCondition());
            return pulled == null ? join
                    : join.copy(join.getTraitSet(), pulled, join.getLeft(), join.getRight(), join.getJoinType(), join.isSemiJoinDone());
        }
        return visited;
    }

    /** The condition with its OR factors pulled out, or null where nothing changes. */
    private static RexNode pulled(RelNode rel, RexNode condition) {
        if (!RexUtil.isDeterministic(condition)) {
            return null;
        }
        RexNode pulled = RexUtil.pullFactors(rel.getCluster().getRexBuilder(), condition);
        return pulled.equals(condition) ? null : pulled;
    }
}
