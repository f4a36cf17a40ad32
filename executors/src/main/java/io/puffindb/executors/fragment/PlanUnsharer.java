package io.puffindb.executors.fragment;

import io.puffindb.calcite.tier.TierExchange;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * Gives each exchange of a plan its own node. The planner may reuse one subtree in two places (a
 * CTE read twice); each use is a separate stream, registered under its own name.
 */
final class PlanUnsharer {
    private PlanUnsharer() {
    }

    static RelNode unshare(RelNode node) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode copy = unshare(input);
            changed |= copy != input;
            inputs.add(copy);
        }
        if (node instanceof TierExchange || changed) {
            return node.copy(node.getTraitSet(), inputs);
        }
        return node;
    }
}
