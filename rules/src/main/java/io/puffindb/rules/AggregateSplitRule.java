package io.puffindb.rules;

import io.puffindb.calcite.tier.AggregatePhase;
import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.MergeFunctions;
import io.puffindb.calcite.tier.TierAggregate;
import io.puffindb.calcite.tier.TierConvention;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierProject;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Splits an aggregate across the LAMBDA/MONOSTORE exchange: a partial aggregate per task next to the
 * data, a final one above the gather. SUM, COUNT, MIN and MAX merge directly; AVG travels as a sum
 * and a count. Anything else (DISTINCT, STDDEV, grouping sets...) is not split and stays whole.
 */
public final class AggregateSplitRule extends RelOptRule {
    public static final AggregateSplitRule INSTANCE = new AggregateSplitRule();

    private AggregateSplitRule() {
        super(operand(LogicalAggregate.class, any()), "AggregateSplitRule");
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        return aggregate.getGroupType() == Aggregate.Group.SIMPLE
                && aggregate.getAggCallList().stream().allMatch(AggregateSplitRule::splits);
    }

    private static boolean splits(AggregateCall call) {
        if (call.isDistinct() || call.isApproximate() || !call.getCollation().getFieldCollations().isEmpty() || call.rexList.size() > 0) {
            return false;
        }
        return switch (call.getAggregation().getKind()) {
            case SUM, SUM0, COUNT, MIN, MAX, AVG -> true;
            default -> false;
        };
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        int groupCount = aggregate.getGroupCount();
        List<AggregateCall> partialCalls = new ArrayList<>();
        List<Merge> merges = new ArrayList<>();
        for (AggregateCall original : aggregate.getAggCallList()) {
            if (original.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.AVG) {
                int sum = partialCalls.size();
                partialCalls.add(partial(original, SqlStdOperatorTable.SUM, aggregate));
                partialCalls.add(partial(original, SqlStdOperatorTable.COUNT, aggregate));
                merges.add(new Merge(original, sum, sum + 1));
            } else {
                merges.add(new Merge(original, partialCalls.size(), -1));
                partialCalls.add(partial(original, original.getAggregation(), aggregate));
            }
        }
        RelNode lambdaInput = TierConverterRules.convert(aggregate.getInput(), TierConvention.LAMBDA);
        TierAggregate partial = new TierAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(TierConvention.LAMBDA), lambdaInput,
                aggregate.getGroupSet(), null, partialCalls, AggregatePhase.PARTIAL);
        TierExchange gather = new TierExchange(aggregate.getCluster(), aggregate.getTraitSet().replace(TierConvention.MONOSTORE), partial,
                ExchangeKind.GATHER);

        List<AggregateCall> finalCalls = new ArrayList<>();
        for (Merge merge : merges) {
            AggregateCall original = merge.original();
            if (merge.countColumn() >= 0) {
                finalCalls.add(merged(SqlStdOperatorTable.SUM, groupCount + merge.valueColumn(), partial, gather, "sum"));
                finalCalls.add(merged(MergeFunctions.SUM_OF_COUNTS, groupCount + merge.countColumn(), partial, gather, "count"));
            } else {
                SqlAggFunction function = switch (original.getAggregation().getKind()) {
                    case COUNT -> MergeFunctions.SUM_OF_COUNTS;
                    case SUM0 -> SqlStdOperatorTable.SUM0;
                    default -> original.getAggregation();
                };
                finalCalls.add(AggregateCall.create(function, false, false, false, List.of(), List.of(groupCount + merge.valueColumn()), -1, null,
                        org.apache.calcite.rel.RelCollations.EMPTY, original.getType(), original.getName()));
            }
        }
        TierAggregate merged = new TierAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(TierConvention.MONOSTORE), gather,
                ImmutableBitSet.range(groupCount), null, finalCalls, AggregatePhase.FINAL);
        if (merges.stream().noneMatch(merge -> merge.countColumn() >= 0)) {
            call.transformTo(merged);
            return;
        }
        // AVG = merged sum / merged count, in the original column order and with the original types.
        List<RexNode> projects = new ArrayList<>();
        for (int key = 0; key < groupCount; key++) {
            projects.add(RexInputRef.of(key, merged.getRowType()));
        }
        int column = groupCount;
        for (Merge merge : merges) {
            if (merge.countColumn() >= 0) {
                projects.add(rex.makeCall(merge.original().getType(), MergeFunctions.AVERAGE_OF_PARTIALS,
                        List.of(RexInputRef.of(column, merged.getRowType()), RexInputRef.of(column + 1, merged.getRowType()))));
                column += 2;
            } else {
                projects.add(RexInputRef.of(column++, merged.getRowType()));
            }
        }
        call.transformTo(new TierProject(aggregate.getCluster(), merged.getTraitSet(), merged, projects, aggregate.getRowType()));
    }

    private static AggregateCall partial(AggregateCall original, SqlAggFunction function, Aggregate aggregate) {
        return AggregateCall.create(function, false, false, false, List.of(), original.getArgList(), original.filterArg, null,
                org.apache.calcite.rel.RelCollations.EMPTY, aggregate.getGroupCount(), aggregate.getInput(), null, null);
    }

    private static AggregateCall merged(SqlAggFunction function, int column, RelNode partial, RelNode input, String suffix) {
        RelDataTypeField field = partial.getRowType().getFieldList().get(column);
        return AggregateCall.create(function, false, false, false, List.of(), List.of(column), -1, null,
                org.apache.calcite.rel.RelCollations.EMPTY, function == MergeFunctions.SUM_OF_COUNTS
                        ? input.getCluster().getTypeFactory().createSqlType(org.apache.calcite.sql.type.SqlTypeName.BIGINT)
                        : field.getType(), field.getName() + "_" + suffix);
    }

    /** Where an original aggregate's partial values sit in the partial row: one column, or sum and count for AVG. */
    private record Merge(AggregateCall original, int valueColumn, int countColumn) {
    }
}
