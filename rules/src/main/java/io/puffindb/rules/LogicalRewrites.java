package io.puffindb.rules;

import java.util.List;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * The rewrites every plan gets before placement: sub-queries (IN, EXISTS, scalar, correlated or not)
 * become joins and aggregates, filter conditions move into joins and towards the scans, and
 * projections that only rename or reorder are folded into their neighbours. Engines then see plain relational operators, fragments can be cut anywhere, and the
 * rendered SQL never depends on how a correlated name would resolve.
 */
public final class LogicalRewrites {
    private static final HepProgram SUB_QUERIES_TO_CORRELATES = HepProgram.builder()
            .addRuleCollection(List.of(
                    CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                    CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                    CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
            .build();

    // Comma joins arrive as cross joins under one big filter: its conditions move into the joins
    // (and filters down towards the scans), so joins have keys and estimates stay sane.
    // A condition that is not deterministic (random()) stays where the query put it: HAVING random() < 0.5
    // keeps or drops whole groups, and pushed below the aggregate it would drop rows from every group.
    private static final HepProgram PUSH_FILTERS = HepProgram.builder()
            .addRuleCollection(List.of(
                    CoreRules.FILTER_INTO_JOIN.config
                            .withOperandSupplier(filter -> filter.operand(Filter.class).predicate(LogicalRewrites::isDeterministic)
                                    .oneInput(join -> join.operand(Join.class).anyInputs()))
                            .as(FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.class).toRule(),
                    CoreRules.JOIN_CONDITION_PUSH,
                    CoreRules.FILTER_PROJECT_TRANSPOSE,
                    CoreRules.FILTER_SET_OP_TRANSPOSE,
                    CoreRules.FILTER_AGGREGATE_TRANSPOSE.config
                            .withOperandSupplier(filter -> filter.operand(Filter.class).predicate(LogicalRewrites::isDeterministic)
                                    .oneInput(aggregate -> aggregate.operand(Aggregate.class).anyInputs()))
                            .as(FilterAggregateTransposeRule.Config.class).toRule(),
                    CoreRules.FILTER_MERGE))
            .build();

    // An aggregate directly over a projection of an aggregate is one RelToSql can flatten wrongly
    // (MAX(SUM(x))); merging the projection into the aggregate keeps the two levels apart.
    private static final HepProgram FOLD_PROJECTIONS = HepProgram.builder()
            .addRuleCollection(List.of(
                    CoreRules.AGGREGATE_PROJECT_MERGE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE))
            .build();

    private LogicalRewrites() {
    }

    /** The rewritten plan, with the same output column names as the original. */
    public static RelNode rewrite(RelNode plan) {
        RelNode withCorrelates = run(SUB_QUERIES_TO_CORRELATES, plan);
        RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(plan.getCluster(), null);
        RelNode decorrelated = RelDecorrelator.decorrelateQuery(withCorrelates, builder);
        RelNode folded = run(FOLD_PROJECTIONS, run(PUSH_FILTERS, decorrelated));
        List<String> names = plan.getRowType().getFieldNames();
        if (folded.getRowType().getFieldNames().equals(names)) {
            return folded;
        }
        return builder.push(folded).rename(names).build();
    }

    private static boolean isDeterministic(Filter filter) {
        return RexUtil.isDeterministic(filter.getCondition());
    }

    private static RelNode run(HepProgram program, RelNode plan) {
        HepPlanner planner = new HepPlanner(program);
        planner.setRoot(plan);
        return planner.findBestExp();
    }
}
