package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LearnedStatistics;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.calcite.tier.TierConvention;
import io.puffindb.cost.CachedData;
import io.puffindb.cost.CostParameters;
import io.puffindb.cost.CostProfile;
import io.puffindb.cost.LiveWorkers;
import io.puffindb.cost.PuffinCostFactory;
import io.puffindb.cost.TierMetadata;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.rules.TierRules;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.util.CancelFlag;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;

/**
 * Places a logical plan on the tiers with Calcite's Volcano planner: the three conventions, the
 * placement rules and our cost model; the cheapest plan wins. With no LAMBDA workers alive, the
 * whole plan runs on the MONOSTORE.
 */
public final class PhysicalPlanner {
    private final CostProfile costs;
    private final Map<CostParameters, TierMetadata> metadataByParameters = new ConcurrentHashMap<>();

    public PhysicalPlanner(CostProfile costs) {
        this.costs = requireNonNull(costs, "costs is null");
    }

    /** The tiers a deployment with this many live workers has (the service has no CLIENT engine of its own). */
    public static Set<Tier> tiers(int workers) {
        return workers > 0 ? EnumSet.of(Tier.LAMBDA, Tier.MONOSTORE) : EnumSet.of(Tier.MONOSTORE);
    }

    /**
     * The planner and cost metadata for a deployment with this many live workers, whose caches hold
     * {@code cached}, with the statistics earlier queries taught; the planner gives up when {@code stop} is raised.
     */
    public Planning start(LiveWorkers workers, CachedData cached, LearnedStatistics learned, CancelFlag stop) {
        return start(tiers(workers.total()), workers, cached, learned, stop);
    }

    /** The same, for a client that runs the CLIENT tier's part of the plan itself (its cached files are in {@code cached}). */
    public Planning startForClient(LiveWorkers workers, CachedData cached, LearnedStatistics learned, CancelFlag stop) {
        Set<Tier> tiers = EnumSet.copyOf(tiers(workers.total()));
        tiers.add(Tier.CLIENT);
        return start(tiers, workers, cached, learned, stop);
    }

    private Planning start(Set<Tier> tiers, LiveWorkers workers, CachedData cached, LearnedStatistics learned, CancelFlag stop) {
        // Few distinct parameter sets occur (one per fleet size and shape): each keeps its compiled metadata dispatcher.
        TierMetadata metadata = metadataByParameters.computeIfAbsent(costs.parametersFor(workers), TierMetadata::new);
        // The cost model finds the cache directory's answers and learned statistics in the planner's
        // context, as Calcite rules find their settings.
        VolcanoPlanner planner = new VolcanoPlanner(PuffinCostFactory.INSTANCE, Contexts.of(cached, learned, stop));
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        TierRules.forTiers(tiers).forEach(planner::addRule);
        return new Planning(planner, metadata);
    }

    /** One query's planner, with the cost metadata its cluster must use. */
    public record Planning(RelOptPlanner planner, TierMetadata metadata) {
        /** The cheapest placement of {@code logical} whose result is delivered on the MONOSTORE. */
        public RelNode place(RelNode logical) {
            return place(logical, TierConvention.MONOSTORE);
        }

        /** The cheapest placement of {@code logical} whose result is delivered on {@code target}. */
        public RelNode place(RelNode logical, TierConvention target) {
            RelNode delivered = planner.changeTraits(logical, logical.getTraitSet().replace(target));
            planner.setRoot(delivered);
            try {
                return planner.findBestExp();
            } catch (RelOptPlanner.CannotPlanException e) {
                throw new PuffinException(ErrorCode.INTERNAL_ERROR, "No tier can run part of this query: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
    }
}
