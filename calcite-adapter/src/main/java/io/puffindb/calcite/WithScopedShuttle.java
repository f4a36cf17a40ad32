package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * A rewrite that asks {@link StarColumns} for the columns of FROM clauses: inside a WITH, those may read
 * its CTEs, so the columns are found with the CTEs in scope there (the enclosing WITHs' and, within a
 * CTE's own query, the CTEs defined before it).
 */
abstract class WithScopedShuttle extends SqlShuttle {
    private StarColumns starColumns;

    WithScopedShuttle(StarColumns starColumns) {
        this.starColumns = requireNonNull(starColumns, "starColumns is null");
    }

    /** The star columns of the part of the query being rewritten, its CTEs in scope. */
    StarColumns starColumns() {
        return starColumns;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (!(call instanceof SqlWith with)) {
            return visitCall(call);
        }
        StarColumns outer = starColumns;
        try {
            List<SqlNode> items = new ArrayList<>();
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                withItem.query = withItem.query.accept(this);
                items.add(withItem);
                starColumns = outer.within(items);
            }
            SqlNode body = with.body.accept(this);
            return new SqlWith(with.getParserPosition(), new SqlNodeList(items, with.withList.getParserPosition()), body);
        } finally {
            starColumns = outer;
        }
    }

    /** The rewrite of a call other than a WITH; {@code super.visit(call)} carries on into its operands. */
    abstract SqlNode visitCall(SqlCall call);

    /** Carries on into the operands of {@code call}. */
    final SqlNode visitOperands(SqlCall call) {
        return super.visit(call);
    }
}
