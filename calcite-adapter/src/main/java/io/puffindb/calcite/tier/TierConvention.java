package io.puffindb.calcite.tier;

import java.util.Map;
import org.apache.calcite.plan.Convention;

/**
 * The calling convention of one tier: a plan node in this convention runs on that tier's engines.
 * One instance per tier, like Calcite's JdbcConvention is one per database; plus one for rows that
 * every LAMBDA task receives whole (a broadcast), so the planner can never mistake a task's own
 * share of a table for the whole table.
 */
public final class TierConvention extends Convention.Impl {
    public static final TierConvention LAMBDA = new TierConvention(Tier.LAMBDA, "LAMBDA");
    /** Rows on LAMBDA that every task has in full: only a broadcast exchange produces them. */
    public static final TierConvention LAMBDA_BROADCAST = new TierConvention(Tier.LAMBDA, "LAMBDA_BROADCAST");
    /** Rows on LAMBDA dealt to tasks by the hash of a key: only a hash exchange produces them. */
    public static final TierConvention LAMBDA_BY_KEY = new TierConvention(Tier.LAMBDA, "LAMBDA_BY_KEY");
    public static final TierConvention MONOSTORE = new TierConvention(Tier.MONOSTORE, "MONOSTORE");
    public static final TierConvention CLIENT = new TierConvention(Tier.CLIENT, "CLIENT");
    private static final Map<Tier, TierConvention> BY_TIER = Map.of(Tier.LAMBDA, LAMBDA, Tier.MONOSTORE, MONOSTORE, Tier.CLIENT, CLIENT);

    private final Tier tier;

    private TierConvention(Tier tier, String name) {
        super(name, TierRel.class);
        this.tier = tier;
    }

    /** The convention of a tier's own rows (for LAMBDA: each task's share). */
    public static TierConvention of(Tier tier) {
        return BY_TIER.get(tier);
    }

    public Tier tier() {
        return tier;
    }
}
