package io.puffindb.executors.fragment;

import io.puffindb.calcite.TypedLiterals;
import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierRel;
import io.puffindb.calcite.tier.TierTableScan;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.rel.RelNode;

/**
 * Cuts a physical plan at its exchanges into fragments. Checks what makes a LAMBDA fragment correct
 * task by task: it is split by exactly one thing — the files of one scan, or the keys of one hash
 * exchange — and every other input arrives by broadcast.
 */
public final class Fragmenter {
    private final AtomicInteger ids = new AtomicInteger();

    private Fragmenter() {
    }

    /** The fragment of the plan's root, with its input fragments below it. */
    public static Fragment fragment(RelNode physicalRoot) {
        return new Fragmenter().cut(PlanUnsharer.unshare(TypedLiterals.keepNumericTypes(physicalRoot)));
    }

    private Fragment cut(RelNode root) {
        int id = ids.getAndIncrement();
        Tier tier = ((TierRel) root).tier();
        List<Fragment.Input> inputs = new ArrayList<>();
        List<TierTableScan> scans = new ArrayList<>();
        collect(root, inputs, scans);
        Optional<TierTableScan> fanOut = Optional.empty();
        long byKey = inputs.stream().filter(input -> input.exchange().kind() == ExchangeKind.HASH).count();
        if (tier == Tier.LAMBDA) {
            // Each task must own a disjoint share of the rows: a share of one table's files, or a key range.
            if (scans.size() + byKey != 1) {
                throw new PuffinException(ErrorCode.INTERNAL_ERROR, "A LAMBDA fragment must be split by exactly one table or one key, found "
                        + scans.size() + " scans and " + byKey + " hash inputs");
            }
            fanOut = scans.stream().findFirst();
        }
        return new Fragment(id, tier, root, inputs, fanOut);
    }

    // Walks one fragment: down to its scans, stopping at exchanges, where input fragments begin.
    private void collect(RelNode node, List<Fragment.Input> inputs, List<TierTableScan> scans) {
        if (node instanceof TierExchange exchange) {
            Fragment source = cut(exchange.getInput());
            inputs.add(new Fragment.Input(exchange, "x" + source.id(), source));
            return;
        }
        if (node instanceof TierTableScan scan) {
            scans.add(scan);
        }
        for (RelNode child : node.getInputs()) {
            collect(child, inputs, scans);
        }
    }
}
