package io.puffindb.calcite.functions;

import static java.lang.String.format;

import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;

/**
 * DuckDB's aggregates that are macros ({@code geomean} is {@code exp(avg(ln(x)))}) take no FILTER, DISTINCT
 * or ORDER BY: DuckDB refuses them, and Calcite's validator does not check FILTER, so the parsed query is.
 */
public final class MacroAggregates {
    private MacroAggregates() {
    }

    /** Why DuckDB refuses this node, if it is a FILTER, ORDER BY or DISTINCT on a macro aggregate. */
    public static Optional<String> refusal(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return Optional.empty();
        }
        if ((call.getKind() == SqlKind.FILTER || call.getKind() == SqlKind.WITHIN_GROUP) && call.operand(0) instanceof SqlCall aggregate
                && isMacroAggregate(aggregate)) {
            return Optional.of(format("%s is a macro in DuckDB, which takes no FILTER or ORDER BY on it", aggregate.getOperator().getName()));
        }
        if (call.getFunctionQuantifier() != null && isMacroAggregate(call)) {
            return Optional.of(format("%s is a macro in DuckDB, which takes no DISTINCT on it", call.getOperator().getName()));
        }
        return Optional.empty();
    }

    private static boolean isMacroAggregate(SqlCall call) {
        return call.getOperator() instanceof SqlUnresolvedFunction function && DuckDbFunctions.get().operator(function.getName())
                .filter(operator -> operator instanceof DuckDbAggregateFunction aggregate && aggregate.catalogFunction().macro())
                .isPresent();
    }
}
