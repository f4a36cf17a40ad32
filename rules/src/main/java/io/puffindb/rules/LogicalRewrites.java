package io.puffindb.rules;

import java.util.List;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.AggregateProjectMergeRule;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rewrites every plan gets before placement: sub-queries (IN, EXISTS, scalar, correlated or not)
 * become joins and aggregates, conditions common to every branch of an OR are pulled out of it
 * ({@link OrFactors}), filter conditions move into joins and towards the scans, and
 * projections that only rename or reorder are folded into their neighbours. Engines then see plain relational operators, fragments can be cut anywhere, and the
 * rendered SQL never depends on how a correlated name would resolve. Last, fields no operator uses
 * are trimmed and projections pushed to the scans, so each scan reads, and each exchange the
 * planner puts above it carries, only the columns the query needs; a THROUGH tier subquery's filters
 * and projections keep its pin through all of this ({@link PinnedChains}).
 */
public final class LogicalRewrites {
    private static final Logger LOG = LoggerFactory.getLogger(LogicalRewrites.class);

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

    // An OR of conditions on several tables (TPC-H Q7's (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND
    // n2 = 'FRANCE'), Q19's brands and quantities) also implies, for each table, the OR of its own parts: those
    // implied conditions are added, so they move down to the scans and the rows that cannot match are dropped there
    // instead of above a join (in Q7 every nation's suppliers were joined with lineitem first). Bounded: each
    // condition is expanded once.
    private static final HepProgram EXPAND_DISJUNCTIONS = HepProgram.builder()
            .addMatchLimit(100)
            .addRuleCollection(List.of(CoreRules.EXPAND_FILTER_DISJUNCTION_LOCAL, CoreRules.EXPAND_JOIN_DISJUNCTION_LOCAL))
            .build();

    // Inner joins are ordered from statistics (row counts of the scans, selectivities of their filters),
    // not in the FROM clause's order: a comma join such as TPC-H Q8's (part, supplier, lineitem, ...)
    // otherwise starts with a cross product, and no join with the big fact table has a small other side
    // the planner could broadcast to the fact table's LAMBDA tasks. Joins are gathered into one multi-way
    // join per tree, then the greedy heuristic of LoptOptimizeJoinRule picks an order (bounded: no search).
    private static final HepProgram MULTI_JOINS = HepProgram.builder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
            .build();
    private static final HepProgram ORDER_MULTI_JOINS = HepProgram.builder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
            .build();

    // An aggregate directly over a projection of an aggregate is one RelToSql can flatten wrongly
    // (MAX(SUM(x))); merging the projection into the aggregate keeps the two levels apart.
    private static final HepProgram FOLD_PROJECTIONS = HepProgram.builder()
            .addRuleCollection(List.of(
                    CoreRules.AGGREGATE_PROJECT_MERGE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE))
            .build();

    // A projection of plain column references left between an aggregate and its join (the join's
    // inputs already narrowed) folds into the aggregate, as FOLD_PROJECTIONS does before trimming.
    private static final RelOptRule AGGREGATE_JOIN_PROJECTION_MERGE = CoreRules.AGGREGATE_PROJECT_MERGE.config
            .withOperandSupplier(aggregate -> aggregate.operand(Aggregate.class)
                    .oneInput(project -> project.operand(Project.class).oneInput(join -> join.operand(Join.class).anyInputs())))
            .as(AggregateProjectMergeRule.Config.class).toRule();

    // After trimming, every scan is topped by a projection of the columns its query uses; these carry
    // the projections further down, above each filter and join input, so every fragment boundary
    // (exchange) the planner may put there sees rows of only the columns needed above it.
    private static final HepProgram PUSH_PROJECTIONS = HepProgram.builder()
            .addRuleCollection(List.of(
                    CoreRules.PROJECT_JOIN_TRANSPOSE,
                    CoreRules.PROJECT_FILTER_TRANSPOSE,
                    AGGREGATE_JOIN_PROJECTION_MERGE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE))
            .build();

    // EXISTS and IN sub-queries arrive as an inner join with the distinct keys of the sub-query's rows
    // (GROUP BY l_orderkey over all of lineitem for TPC-H Q4). As a semi join they need no distinct step, and
    // DuckDB probes the sub-query's rows against a hash table of the outer side's keys and filters its scan
    // by them, as it does for the EXISTS itself. The distinct side is put on the right first (join
    // ordering may have put it on the left), where Calcite's rules look for it.
    private static final HepProgram SEMI_JOINS = HepProgram.builder()
            .addRuleCollection(List.of(
                    CoreRules.JOIN_COMMUTE.config
                            .withOperandSupplier(join -> join.operand(LogicalJoin.class)
                                    .predicate(LogicalRewrites::hasDistinctKeysOnTheLeftOnly).anyInputs())
                            .as(JoinCommuteRule.Config.class).toRule(),
                    CoreRules.AGGREGATE_PROJECT_MERGE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_TO_SEMI_JOIN,
                    CoreRules.AGGREGATE_TO_SEMI_JOIN))
            .build();

    // Trimming rebuilds filters: unsimplified, so a condition that is never true (age NOT IN (36, NULL))
    // stays a filter over the typed scan, not an empty VALUES whose columns would lose their types.
    private static final RelBuilderFactory TRIMMING_BUILDER = RelBuilder.proto(Contexts.of(RelBuilder.Config.DEFAULT.withSimplify(false)));

    private LogicalRewrites() {
    }

    /** The rewritten plan, with the same output column names as the original. */
    public static RelNode rewrite(RelNode plan) {
        RelNode withCorrelates = run(SUB_QUERIES_TO_CORRELATES, plan);
        RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(plan.getCluster(), null);
        RelNode decorrelated = RelDecorrelator.decorrelateQuery(withCorrelates, builder);
        RelNode folded = run(FOLD_PROJECTIONS, orderedJoins(run(PUSH_FILTERS, run(EXPAND_DISJUNCTIONS, OrFactors.pull(decorrelated)))));
        RelNode trimmed = PinnedChains.pin(run(PUSH_PROJECTIONS, SemiJoinKeys.narrow(run(SEMI_JOINS, trimmed(folded)), builder)));
        List<String> names = plan.getRowType().getFieldNames();
        if (trimmed.getRowType().getFieldNames().equals(names)) {
            return trimmed;
        }
        return builder.push(trimmed).rename(names).build();
    }

    // Trimming only narrows what is read and moved: where Calcite's trimmer cannot handle a plan (it casts a
    // LIMIT 1e3's DOUBLE literal to BigDecimal), the untrimmed plan gives the same answer.
    private static RelNode trimmed(RelNode plan) {
        try {
            return new RelFieldTrimmer(null, TRIMMING_BUILDER.create(plan.getCluster(), null)).trim(plan);
        } catch (RuntimeException e) {
            LOG.debug("Unused columns not trimmed: {}", e.toString());
            return plan;
        }
    }

    // Like trimming, ordering only changes speed: a plan the heuristic cannot handle keeps the query's order.
    // So does one where it took two inputs for one: LoptOptimizeJoinRule treats a join of two inputs whose
    // columns come from one table, on keys unique in both, as a removable self-join, and its top projection
    // reads the second input's columns from the first one's wherever their origins match. Right for two scans
    // of one table; wrong for TPC-DS q75's two aggregates of one WITH query (2001's rows and 2002's, joined on
    // their group keys, unique once d_year is fixed), where the 2002 copy's d_year was read from the 2001 copy.
    // Such a projection reads one field twice, which an ordering alone never does.
    private static RelNode orderedJoins(RelNode plan) {
        try {
            RelNode ordered = run(ORDER_MULTI_JOINS, TransitiveJoinKeys.add(run(MULTI_JOINS, plan)));
            return projectionsReadingAFieldTwice(ordered) == projectionsReadingAFieldTwice(plan) ? ordered : plan;
        } catch (RuntimeException e) {
            LOG.debug("Joins not reordered: {}", e.toString());
            return plan;
        }
    }

    private static long projectionsReadingAFieldTwice(RelNode node) {
        long own = node instanceof Project project && readsAFieldTwice(project) ? 1 : 0;
        return own + node.getInputs().stream().mapToLong(LogicalRewrites::projectionsReadingAFieldTwice).sum();
    }

    private static boolean readsAFieldTwice(Project project) {
        java.util.Set<Integer> read = new java.util.HashSet<>();
        return project.getProjects().stream().anyMatch(expression -> expression instanceof RexInputRef ref && !read.add(ref.getIndex()));
    }

    private static boolean hasDistinctKeysOnTheLeftOnly(LogicalJoin join) {
        return join.getJoinType() == JoinRelType.INNER && isDistinctKeys(join.getLeft().stripped()) && !isDistinctKeys(join.getRight().stripped());
    }

    private static boolean isDistinctKeys(RelNode rel) {
        return rel instanceof Aggregate aggregate && aggregate.getAggCallList().isEmpty() && aggregate.getGroupSets().size() == 1;
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
