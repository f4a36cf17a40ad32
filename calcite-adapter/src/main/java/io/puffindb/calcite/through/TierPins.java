package io.puffindb.calcite.through;

import io.puffindb.calcite.tier.Tier;
import java.util.Comparator;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.hint.HintPredicates;
import org.apache.calcite.rel.hint.HintStrategyTable;
import org.apache.calcite.rel.hint.Hintable;

/**
 * The {@code tier} hint a THROUGH 'lambda' / 'monostore' / 'client' subquery leaves on every operator
 * it converts to, and how placement reads it back.
 */
public final class TierPins {
    public static final String HINT = "tier";

    /** Lets the hint reach every kind of operator of the pinned subquery. */
    public static final HintStrategyTable STRATEGIES = HintStrategyTable.builder()
            .hintStrategy(HINT, HintPredicates.or(HintPredicates.PROJECT, HintPredicates.FILTER, HintPredicates.AGGREGATE, HintPredicates.JOIN,
                    HintPredicates.TABLE_SCAN, HintPredicates.SORT, HintPredicates.SETOP, HintPredicates.VALUES, HintPredicates.CORRELATE))
            .build();

    private TierPins() {
    }

    /** The tier a THROUGH pinned this operator to, if any (the innermost pin wins). */
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
