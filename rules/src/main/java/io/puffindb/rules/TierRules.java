package io.puffindb.rules;

import io.puffindb.calcite.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;

/** Every placement rule for a deployment made of the given tiers. */
public final class TierRules {
    private TierRules() {
    }

    public static List<RelOptRule> forTiers(Set<Tier> tiers) {
        List<RelOptRule> rules = new ArrayList<>();
        for (Tier tier : tiers) {
            rules.addAll(TierConverterRules.forTier(tier));
        }
        if (tiers.contains(Tier.MONOSTORE)) {
            rules.addAll(RecursiveUnionRules.onMonostore());
        }
        if (tiers.contains(Tier.LAMBDA) && tiers.contains(Tier.MONOSTORE)) {
            rules.add(TierConverterRules.gather(Tier.LAMBDA, Tier.MONOSTORE));
            rules.add(AggregateSplitRule.INSTANCE);
            rules.add(BroadcastJoinRule.INSTANCE);
            rules.add(AggregateRepartitionRule.INSTANCE);
        }
        if (tiers.contains(Tier.CLIENT)) {
            for (Tier from : tiers) {
                if (from != Tier.CLIENT) {
                    rules.add(TierConverterRules.gather(from, Tier.CLIENT));
                }
            }
        }
        return rules;
    }
}
