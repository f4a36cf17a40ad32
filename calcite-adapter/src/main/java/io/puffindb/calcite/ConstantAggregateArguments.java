package io.puffindb.calcite;

import io.puffindb.calcite.functions.DuckDbAggregateFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rel2sql.SqlImplementor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Moves the literal arguments of DuckDB's aggregates (and of string_agg, which Calcite reads as LISTAGG)
 * from the aggregate's input into the function itself ({@link InlinedConstantsAggregate}). Calcite passes
 * an aggregate's arguments as input columns, so {@code string_agg(x, ',')} reads its separator from a
 * projected column; once placement puts an exchange below the aggregate that column is a stream's column,
 * and DuckDB takes only a constant as a separator (or as a quantile, an arg_max count...).
 */
final class ConstantAggregateArguments {
    private ConstantAggregateArguments() {
    }

    static RelNode inline(RelNode plan) {
        return plan.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited instanceof LogicalAggregate aggregate ? inline(aggregate) : visited;
            }
        });
    }

    private static RelNode inline(LogicalAggregate aggregate) {
        if (!(aggregate.getInput() instanceof Project project)) {
            return aggregate;
        }
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : aggregate.getAggCallList()) {
            SqlAggFunction function = call.getAggregation();
            if (!(function instanceof DuckDbAggregateFunction) && function.getKind() != SqlKind.LISTAGG) {
                calls.add(call);
                continue;
            }
            Map<Integer, SqlNode> constants = new HashMap<>();
            List<Integer> columns = new ArrayList<>();
            for (int position = 0; position < call.getArgList().size(); position++) {
                int column = call.getArgList().get(position);
                RexNode argument = project.getProjects().get(column);
                if (argument instanceof RexLiteral literal) {
                    constants.put(position, SqlImplementor.toSql(literal));
                } else {
                    columns.add(column);
                }
            }
            if (constants.isEmpty()) {
                calls.add(call);
                continue;
            }
            String name = function.getKind() == SqlKind.LISTAGG ? "string_agg" : function.getName();
            SqlAggFunction inlined = new InlinedConstantsAggregate(name, constants, call.getArgList().size(), call.getType(), function.requiresOver());
            calls.add(AggregateCall.create(inlined, call.isDistinct(), call.isApproximate(), call.ignoreNulls(), call.rexList, columns, call.filterArg,
                    call.distinctKeys, call.getCollation(), call.getType(), call.getName()));
            changed = true;
        }
        return changed ? aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(), aggregate.getGroupSets(), calls)
                : aggregate;
    }
}
