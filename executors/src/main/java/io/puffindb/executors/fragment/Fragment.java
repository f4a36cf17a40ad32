package io.puffindb.executors.fragment;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierTableScan;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;

/**
 * A piece of the physical plan that runs on one tier as one DuckDB query (per task, on LAMBDA):
 * cut at exchanges, whose rows arrive as registered Arrow streams named by {@link Input#name()}.
 */
public record Fragment(int id, Tier tier, RelNode root, List<Input> inputs, Optional<TierTableScan> fanOutScan) {
    public Fragment {
        requireNonNull(tier, "tier is null");
        requireNonNull(root, "root is null");
        inputs = List.copyOf(inputs);
        requireNonNull(fanOutScan, "fanOutScan is null");
    }

    /** Rows that reach this fragment through an exchange, produced by another fragment. */
    public record Input(TierExchange exchange, String name, Fragment source) {
    }

    public String nameOf(TierExchange exchange) {
        return inputs.stream().filter(input -> input.exchange() == exchange).findFirst()
                .map(Input::name)
                .orElseThrow(() -> new IllegalStateException("Exchange is not an input of fragment " + id));
    }
}
