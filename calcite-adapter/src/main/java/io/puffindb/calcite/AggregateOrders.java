package io.puffindb.calcite;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An aggregate's own ORDER BY sorts NULLs as DuckDB does: last, also for DESC. Calcite puts them first
 * for a DESC key of an aggregate (it ignores the configured null collation there), so such a key that
 * does not say where its NULLs go is given {@code NULLS LAST} before validation.
 */
final class AggregateOrders {
    private static final Set<SqlKind> ORDERED_BY_LAST_OPERAND = EnumSet.of(SqlKind.STRING_AGG, SqlKind.ARRAY_AGG, SqlKind.ARRAY_CONCAT_AGG,
            SqlKind.GROUP_CONCAT);
    private AggregateOrders() {
    }

    static SqlNode nullsLast(SqlNode query) {
        SqlNode rewritten = query.accept(new SqlShuttle() {
            @Override
            public @Nullable SqlNode visit(SqlCall call) {
                SqlNodeList keys = orderKeys(call);
                if (keys != null) {
                    for (int i = 0; i < keys.size(); i++) {
                        SqlNode key = keys.get(i);
                        if (key.getKind() == SqlKind.DESCENDING) {
                            keys.set(i, SqlStdOperatorTable.NULLS_LAST.createCall(key.getParserPosition(), key));
                        }
                    }
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null) {
                        operand.accept(this);
                    }
                }
                return call;
            }
        });
        return rewritten == null ? query : rewritten;
    }

    // WITHIN GROUP (ORDER BY ...), or the ORDER BY the parser keeps as the last operand of STRING_AGG and its kin.
    private static @Nullable SqlNodeList orderKeys(SqlCall call) {
        if (call.getKind() == SqlKind.WITHIN_GROUP) {
            return call.operand(1) instanceof SqlNodeList keys ? keys : null;
        }
        if (ORDERED_BY_LAST_OPERAND.contains(call.getKind()) && call.operandCount() > 0
                && call.operand(call.operandCount() - 1) instanceof SqlNodeList keys) {
            return keys;
        }
        return null;
    }
}
