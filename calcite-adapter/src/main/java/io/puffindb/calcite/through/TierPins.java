package io.puffindb.calcite.through;

import io.puffindb.calcite.tier.Tier;
import java.util.Comparator;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.hint.HintPredicates;
import org.apache.calcite.rel.hint.HintStrategyTable;
import org.apache.calcite.rel.hint.Hintable;
import org.apache.calcite.rel.hint.RelHint;

/**
 * The {@code tier} hint a THROUGH 'lambda' / 'monostore' / 'client' subquery leaves on the tables it
 * reads (table hints survive every rewrite), and how placement reads it back: a pinned scan is only
 * offered on its tier, and what consumes it follows by cost.
 */
public final class TierPins {
    public static final String HINT = "tier";

    /** The hint is a table hint. */
    public static final HintStrategyTable STRATEGIES = HintStrategyTable.builder()
            .hintStrategy(HINT, HintPredicates.TABLE_SCAN)
            .build();

    private TierPins() {
    }

    /** The hint that pins an operator to {@code tier}, as a THROUGH subquery's scans carry it. */
    public static RelHint hint(Tier tier) {
        return RelHint.builder(HINT).hintOption(tier.endpointName()).build();
    }

    /** The tier a THROUGH pinned this scan to, if any (the innermost THROUGH's pin, should several reach it). */
    public static Optional<Tier> pinOf(RelNode rel) {
        if (!(rel instanceof Hintable hintable)) {
            return Optional.empty();
        }
        // Nested pins all reach an operator; the one inherited over the shortest path is the innermost.
        return hintable.getHints().stream()
                .filter(hint -> hint.hintName.equalsIgnoreCase(HINT) && !hint.listOptions.isEmpty())
                .min(Comparator.comparingInt(hint -> hint.inheritPath.size()))
                .flatMap(hint -> Tier.ofEndpoint(hint.listOptions.get(0)));
    }
}
