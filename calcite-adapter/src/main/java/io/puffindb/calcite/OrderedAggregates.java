package io.puffindb.calcite;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.util.Optionality;

/**
 * Writes an aggregate with an ORDER BY of its own as DuckDB reads it, inside the call:
 * {@code string_agg(x, ',' ORDER BY x) FILTER (WHERE ...)}. Calcite writes {@code ... WITHIN GROUP (ORDER BY x)},
 * which DuckDB takes only for ordered-set aggregates (percentile_cont, mode...), and names {@code string_agg}
 * LISTAGG, which DuckDB does not know.
 */
final class OrderedAggregates {
    private OrderedAggregates() {
    }

    /** Whether DuckDB reads this WITHIN GROUP call only as an ORDER BY inside the call. */
    static boolean ordersInside(SqlCall withinGroup) {
        SqlCall aggregate = aggregate(withinGroup.operand(0));
        return !(aggregate.getOperator() instanceof SqlAggFunction function) || function.requiresGroupOrder() != Optionality.MANDATORY;
    }

    /** {@code name(args ORDER BY keys) [FILTER (WHERE condition)]}. */
    static void unparse(SqlWriter writer, SqlCall withinGroup) {
        SqlCall aggregate = aggregate(withinGroup.operand(0));
        SqlNode filter = withinGroup.operand(0).getKind() == SqlKind.FILTER ? ((SqlCall) withinGroup.operand(0)).operand(1) : null;
        writeCall(writer, aggregate, withinGroup.operand(1));
        if (filter != null) {
            writer.keyword("FILTER");
            SqlWriter.Frame where = writer.startList("(", ")");
            writer.keyword("WHERE");
            filter.unparse(writer, 0, 0);
            writer.endList(where);
        }
    }

    /** LISTAGG as DuckDB names it: {@code string_agg(x [, separator])}. */
    static void unparseListagg(SqlWriter writer, SqlCall listagg) {
        writeCall(writer, listagg, null);
    }

    static void writeCall(SqlWriter writer, SqlCall aggregate, SqlNodeList order) {
        InlinedConstantsAggregate inlined = aggregate.getOperator() instanceof InlinedConstantsAggregate function ? function : null;
        writer.print(aggregate.getKind() == SqlKind.LISTAGG ? "string_agg" : inlined != null ? inlined.duckDbName() : aggregate.getOperator().getName());
        writer.setNeedWhitespace(false);
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
        SqlLiteral quantifier = aggregate.getFunctionQuantifier();
        if (quantifier != null) {
            quantifier.unparse(writer, 0, 0);
        }
        for (SqlNode operand : inlined != null ? inlined.arguments(aggregate) : aggregate.getOperandList()) {
            writer.sep(",");
            operand.unparse(writer, 0, 0);
        }
        if (order != null && !order.isEmpty()) {
            writer.keyword("ORDER BY");
            writer.list(SqlWriter.FrameTypeEnum.ORDER_BY_LIST, SqlWriter.COMMA, order);
        }
        writer.endList(frame);
    }

    private static SqlCall aggregate(SqlNode node) {
        SqlCall call = (SqlCall) node;
        return call.getKind() == SqlKind.FILTER ? (SqlCall) call.operand(0) : call;
    }
}
