package io.puffindb.rules;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.StreamedTable;
import io.puffindb.calcite.through.TierPins;
import io.puffindb.calcite.tier.AggregatePhase;
import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.calcite.tier.TierAggregate;
import io.puffindb.calcite.tier.TierConvention;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierFilter;
import io.puffindb.calcite.tier.TierIntersect;
import io.puffindb.calcite.tier.TierJoin;
import io.puffindb.calcite.tier.TierMinus;
import io.puffindb.calcite.tier.TierProject;
import io.puffindb.calcite.tier.TierRel;
import io.puffindb.calcite.tier.TierSort;
import io.puffindb.calcite.tier.TierTableScan;
import io.puffindb.calcite.tier.TierUnion;
import io.puffindb.calcite.tier.TierValues;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/**
 * One small rule per operator and tier, in the manner of Calcite's JdbcRules: each offers the
 * logical operator on a tier where it can run and declines where it cannot. LAMBDA takes only what
 * is correct task by task (scans of lake files, filters, projections without window functions); rows
 * of a THROUGH subquery run by another service, or of a part pushed into a database, arrive at the MONOSTORE. LAMBDA's aggregates
 * and joins come from {@link AggregateSplitRule} and {@link BroadcastJoinRule}.
 */
public final class TierConverterRules {
    private TierConverterRules() {
    }

    /** The rules that place operators on {@code tier}. */
    public static List<ConverterRule> forTier(Tier tier) {
        TierConvention out = TierConvention.of(tier);
        List<ConverterRule> taskLocal = List.of(
                rule(TableScan.class, scan -> scan.getTable().unwrap(LakeCalciteTable.class) != null
                                || (tier == Tier.MONOSTORE && scan.getTable().unwrap(StreamedTable.class) != null), out,
                        scan -> new TierTableScan(scan.getCluster(), traits(scan, out), scan.getHints(), scan.getTable())),
                rule(LogicalFilter.class, filter -> tier != Tier.LAMBDA || RexUtil.isDeterministic(filter.getCondition()), out,
                        filter -> new TierFilter(filter.getCluster(), traits(filter, out), input(filter, out), filter.getCondition())),
                rule(LogicalProject.class, project -> tier != Tier.LAMBDA || isTaskLocal(project), out,
                        project -> new TierProject(project.getCluster(), traits(project, out), input(project, out), project.getProjects(),
                                project.getRowType())));
        if (tier == Tier.LAMBDA) {
            return taskLocal;
        }
        List<ConverterRule> whole = List.of(
                rule(LogicalAggregate.class, aggregate -> true, out,
                        aggregate -> new TierAggregate(aggregate.getCluster(), traits(aggregate, out), input(aggregate, out),
                                aggregate.getGroupSet(), aggregate.getGroupSets(), aggregate.getAggCallList(), AggregatePhase.SINGLE)),
                rule(LogicalJoin.class, join -> true, out,
                        join -> new TierJoin(join.getCluster(), traits(join, out), convert(join.getLeft(), out), convert(join.getRight(), out),
                                join.getCondition(), join.getJoinType())),
                rule(LogicalSort.class, sort -> true, out,
                        sort -> new TierSort(sort.getCluster(), traits(sort, out), input(sort, out), sort.getCollation(), sort.offset, sort.fetch)),
                rule(LogicalUnion.class, union -> true, out,
                        union -> new TierUnion(union.getCluster(), traits(union, out), inputs(union, out), union.all)),
                rule(LogicalIntersect.class, intersect -> true, out,
                        intersect -> new TierIntersect(intersect.getCluster(), traits(intersect, out), inputs(intersect, out), intersect.all)),
                rule(LogicalMinus.class, minus -> true, out,
                        minus -> new TierMinus(minus.getCluster(), traits(minus, out), inputs(minus, out), minus.all)),
                rule(LogicalValues.class, values -> true, out,
                        values -> new TierValues(values.getCluster(), values.getRowType(), values.getTuples(), traits(values, out))));
        return concat(taskLocal, whole);
    }

    /** Gathers what {@code from} produced onto {@code to}: the exchange where two tiers meet. */
    public static ConverterRule gather(Tier from, Tier to) {
        TierConvention in = TierConvention.of(from);
        TierConvention out = TierConvention.of(to);
        return ConverterRule.Config.INSTANCE
                .withConversion(RelNode.class, rel -> rel instanceof TierRel, in, out, "TierGatherRule_" + from + "_" + to)
                .withRuleFactory(config -> new ConverterRule(config) {
                    @Override
                    public RelNode convert(RelNode rel) {
                        return new TierExchange(rel.getCluster(), rel.getTraitSet().replace(out), rel, ExchangeKind.GATHER);
                    }
                })
                .toRule(ConverterRule.class);
    }

    /**
     * Whether a THROUGH pin to {@code tier} can be honoured for this operator: LAMBDA takes only what
     * is correct task by task (an aggregate there is split, a join broadcast, by their own rules).
     */
    static boolean canRunOn(Tier tier, RelNode rel) {
        if (tier != Tier.LAMBDA) {
            return true;
        }
        return rel instanceof TableScan scan && scan.getTable().unwrap(LakeCalciteTable.class) != null
                || rel instanceof LogicalFilter filter && RexUtil.isDeterministic(filter.getCondition())
                || rel instanceof LogicalProject project && isTaskLocal(project);
    }

    // Window functions need every row of their partition; a LAMBDA task only has its own files.
    private static boolean isTaskLocal(LogicalProject project) {
        return project.getProjects().stream().noneMatch(RexOver::containsOver)
                && project.getProjects().stream().allMatch(RexUtil::isDeterministic);
    }

    private static <R extends RelNode> ConverterRule rule(Class<R> logical, Predicate<R> applies, TierConvention out, Function<R, RelNode> make) {
        Predicate<R> obeysPin = rel -> TierPins.pinOf(rel).map(pin -> pin == out.tier() || !canRunOn(pin, rel)).orElse(true);
        return ConverterRule.Config.INSTANCE
                .withConversion(logical, applies.and(obeysPin), Convention.NONE, out, "Tier" + logical.getSimpleName().replace("Logical", "") + "Rule_" + out.tier())
                .withRuleFactory(config -> new ConverterRule(config) {
                    @Override
                    public RelNode convert(RelNode rel) {
                        return make.apply(logical.cast(rel));
                    }
                })
                .toRule(ConverterRule.class);
    }

    static RelTraitSet traits(RelNode rel, TierConvention out) {
        return rel.getTraitSet().replace(out);
    }

    static RelNode convert(RelNode rel, TierConvention out) {
        return ConverterRule.convert(rel, rel.getTraitSet().replace(out));
    }

    private static RelNode input(RelNode rel, TierConvention out) {
        return convert(rel.getInput(0), out);
    }

    private static List<RelNode> inputs(RelNode rel, TierConvention out) {
        return rel.getInputs().stream().map(input -> convert(input, out)).toList();
    }

    private static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
        List<T> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
