package io.puffindb.calcite.tier;

import java.util.Map;
import org.apache.calcite.plan.Convention;

/**
 * The calling convention of one tier: a plan node in this convention runs on that tier's engines.
 * One instance per tier, like Calcite's JdbcConvention is one per database.
 */
public final class TierConvention extends Convention.Impl {
    public static final TierConvention LAMBDA = new TierConvention(Tier.LAMBDA);
    public static final TierConvention MONOSTORE = new TierConvention(Tier.MONOSTORE);
    public static final TierConvention CLIENT = new TierConvention(Tier.CLIENT);
    private static final Map<Tier, TierConvention> BY_TIER = Map.of(Tier.LAMBDA, LAMBDA, Tier.MONOSTORE, MONOSTORE, Tier.CLIENT, CLIENT);

    private final Tier tier;

    private TierConvention(Tier tier) {
        super(tier.name(), TierRel.class);
        this.tier = tier;
    }

    public static TierConvention of(Tier tier) {
        return BY_TIER.get(tier);
    }

    public Tier tier() {
        return tier;
    }
}
