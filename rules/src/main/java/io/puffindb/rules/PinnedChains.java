package io.puffindb.rules;

import io.puffindb.calcite.through.TierPins;
import io.puffindb.calcite.tier.Tier;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.hint.Hintable;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;

/**
 * Keeps a THROUGH tier subquery's filters and projections on its tier. The pin is a table hint on the
 * scans; column trimming adds projections over them and moves projections below filters, and the
 * operators it rebuilds carry no pin, so placement could move a pinned subquery's filter off its tier
 * (onto the MONOSTORE, once narrower rows made the exchange below it cheap). Each filter or projection
 * over a pinned scan, or over such an operator, takes the scan's pin, as far as its tier can run it.
 */
final class PinnedChains {
    private PinnedChains() {
    }

    static RelNode pin(RelNode plan) {
        return plan.accept(new Spreader());
    }

    private static final class Spreader extends RelHomogeneousShuttle {
        @Override
        public RelNode visit(RelNode other) {
            RelNode visited = super.visit(other);
            if (!(visited instanceof LogicalFilter || visited instanceof LogicalProject) || TierPins.pinOf(visited).isPresent()) {
                return visited;
            }
            Optional<Tier> pin = TierPins.pinOf(visited.getInput(0));
            // Where the tier cannot run the operator (a window function on LAMBDA), the chain stops: what is
            // above it follows by cost, as it always did.
            if (pin.isEmpty() || !TierConverterRules.canRunOn(pin.get(), visited)) {
                return visited;
            }
            return ((Hintable) visited).attachHints(List.of(TierPins.hint(pin.get())));
        }
    }
}
