package io.puffindb.calcite;

import static io.puffindb.calcite.parser.DuckDbClauses.isCall;

import io.puffindb.calcite.parser.DuckDbClauses;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlStarExclude;
import org.apache.calcite.sql.SqlStarReplace;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * DuckDB's friendly clauses, which the parser marks (DuckDbClauses), rewritten before validation into the
 * standard clauses Calcite validates: GROUP BY ALL groups by the ordinals of the select items that hold no
 * aggregate (and by the columns of a star, by name), ORDER BY ALL orders by every select item in turn, DISTINCT ON (k) keeps the first row of each k
 * in the query's order as {@code QUALIFY ROW_NUMBER() OVER (PARTITION BY k ORDER BY <the query's order>) = 1},
 * and LIMIT and OFFSET expressions become their constant value (ConstantLimits).
 */
final class FriendlySql extends SqlShuttle {
    private final SqlOperatorTable operators;
    private final StarColumns starColumns;

    private FriendlySql(SqlOperatorTable operators, StarColumns starColumns) {
        this.operators = operators;
        this.starColumns = starColumns;
    }

    /** The query with DuckDB's clauses in standard form (the same tree when it has none). */
    static SqlNode rewrite(SqlNode query, SqlOperatorTable operators, StarColumns starColumns) {
        return query.accept(new FriendlySql(operators, starColumns));
    }

    /** A copy that shares no node with the original, so that one expression may appear twice in a query. */
    static SqlNode copy(SqlNode node) {
        return node.accept(new DeepCopy());
    }

    // Top-down: an ORDER BY is expanded before the SELECT under it takes its DISTINCT ON order from it.
    @Override
    public SqlNode visit(SqlCall call) {
        SqlCall rewritten = call;
        if (call instanceof SqlOrderBy orderBy) {
            SqlNodeList order = orderByAll(orderBy.orderList, selectOf(orderBy.query));
            if (withoutWith(orderBy.query) instanceof SqlSelect select) {
                distinctOn(select, order);
            }
            rewritten = new SqlOrderBy(orderBy.getParserPosition(), orderBy.query, order,
                    ConstantLimits.fold(orderBy.offset, "OFFSET"), ConstantLimits.fold(orderBy.fetch, "LIMIT"));
        } else if (call instanceof SqlSelect select) {
            groupByAll(select);
            distinctOn(select, SqlNodeList.EMPTY);
        }
        return super.visit(rewritten);
    }

    private void groupByAll(SqlSelect select) {
        SqlNodeList groupBy = select.getGroup();
        if (groupBy == null || groupBy.size() != 1 || !isCall(groupBy.get(0), DuckDbClauses.GROUP_BY_ALL)) {
            return;
        }
        List<SqlNode> keys = new ArrayList<>();
        int ordinal = 0; // Calcite reads GROUP BY ordinals against the select list as written, before it expands stars
        for (SqlNode item : select.getSelectList()) {
            ordinal++;
            if (isStar(item)) {
                for (String column : starColumns.columns(item, select.getFrom())) {
                    keys.add(new SqlIdentifier(column, groupBy.getParserPosition()));
                }
            } else if (!holdsAggregate(item)) {
                keys.add(SqlLiteral.createExactNumeric(String.valueOf(ordinal), groupBy.getParserPosition()));
            }
        }
        select.setGroupBy(keys.isEmpty() ? null : new SqlNodeList(keys, groupBy.getParserPosition()));
    }

    private SqlNodeList orderByAll(SqlNodeList order, SqlSelect select) {
        List<SqlNode> items = new ArrayList<>();
        for (SqlNode item : order) {
            SqlNode key = sortKey(item);
            if (!isCall(key, DuckDbClauses.ORDER_BY_ALL)) {
                items.add(item);
                continue;
            }
            if (select == null) {
                throw SqlErrors.refused(key, "ORDER BY ALL needs a query with a select list");
            }
            int columns = 0;
            for (SqlNode selectItem : select.getSelectList()) {
                columns += width(selectItem, select);
            }
            for (int i = 1; i <= columns; i++) {
                items.add(withSortKey(item, SqlLiteral.createExactNumeric(String.valueOf(i), key.getParserPosition())));
            }
        }
        return new SqlNodeList(items, order.getParserPosition());
    }

    private static void distinctOn(SqlSelect select, SqlNodeList order) {
        SqlNode qualify = select.getQualify();
        SqlCall mark = isCall(qualify, DuckDbClauses.DISTINCT_ON) ? (SqlCall) qualify
                : qualify != null && qualify.getKind() == SqlKind.AND && isCall(((SqlCall) qualify).operand(0), DuckDbClauses.DISTINCT_ON)
                        ? ((SqlCall) qualify).operand(0) : null;
        if (mark == null) {
            return;
        }
        SqlParserPos pos = mark.getParserPosition();
        List<SqlNode> windowOrder = new ArrayList<>();
        for (SqlNode item : order) {
            windowOrder.add(withSortKey(item, copy(selectExpression(select, sortKey(item)))));
        }
        SqlWindow window = SqlWindow.create(null, null, new SqlNodeList(mark.getOperandList(), pos), new SqlNodeList(windowOrder, pos),
                SqlLiteral.createBoolean(true, pos), null, null, null, pos);
        SqlNode firstRow = SqlStdOperatorTable.EQUALS.createCall(pos,
                SqlStdOperatorTable.OVER.createCall(pos, SqlStdOperatorTable.ROW_NUMBER.createCall(pos), window),
                SqlLiteral.createExactNumeric("1", pos));
        select.setQualify(qualify == mark ? firstRow : SqlStdOperatorTable.AND.createCall(pos, firstRow, ((SqlCall) qualify).operand(1)));
    }

    // What an ORDER BY key names in the select list: the item of an ordinal or of an alias, else the key itself.
    private static SqlNode selectExpression(SqlSelect select, SqlNode key) {
        List<SqlNode> items = select.getSelectList().getList();
        if (key instanceof SqlNumericLiteral ordinal && ordinal.isInteger()) {
            int index = ordinal.intValue(true) - 1;
            if (index >= 0 && index < items.size()) {
                return withoutAlias(items.get(index));
            }
        }
        if (key instanceof SqlIdentifier id && id.isSimple()) {
            for (SqlNode item : items) {
                if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(1).toString().equalsIgnoreCase(id.getSimple())) {
                    return withoutAlias(item);
                }
            }
        }
        return key;
    }

    // How many columns a select item stands for: one, or all those of its star.
    private int width(SqlNode item, SqlSelect select) {
        return isStar(item) ? starColumns.columns(item, select.getFrom()).size() : 1;
    }

    private static boolean isStar(SqlNode item) {
        return item instanceof SqlIdentifier id && id.isStar() || item instanceof SqlStarExclude || item instanceof SqlStarReplace;
    }

    private boolean holdsAggregate(SqlNode item) {
        Boolean found = withoutAlias(item).accept(new SqlBasicVisitor<Boolean>() {
            @Override
            public Boolean visit(SqlCall call) {
                if (call instanceof SqlSelect || call.getKind() == SqlKind.OVER) {
                    return false; // a subquery's aggregates are its own; a window function aggregates no groups
                }
                if (isAggregate(call.getOperator())) {
                    return true;
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null && Boolean.TRUE.equals(operand.accept(this))) {
                        return true;
                    }
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(found);
    }

    private boolean isAggregate(SqlOperator operator) {
        if (operator.isAggregator()) {
            return true;
        }
        if (!(operator instanceof SqlUnresolvedFunction)) {
            return false;
        }
        List<SqlOperator> found = new ArrayList<>();
        operators.lookupOperatorOverloads(operator.getNameAsId(), null, SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
        return found.stream().anyMatch(SqlOperator::isAggregator);
    }

    // The SELECT whose list names a query's columns: its own, its WITH body's, or its first set operand's.
    private static SqlSelect selectOf(SqlNode query) {
        SqlNode body = withoutWith(query);
        if (body instanceof SqlSelect select) {
            return select;
        }
        if (body instanceof SqlBasicCall call && body.isA(SqlKind.SET_QUERY)) {
            return selectOf(call.operand(0));
        }
        return null;
    }

    private static SqlNode withoutWith(SqlNode query) {
        return query instanceof SqlWith with ? withoutWith(with.body) : query;
    }

    private static SqlNode withoutAlias(SqlNode item) {
        return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
    }

    // The key under an ORDER BY item's DESC / NULLS FIRST / NULLS LAST.
    private static SqlNode sortKey(SqlNode item) {
        return isSortWrapper(item) ? sortKey(((SqlCall) item).operand(0)) : item;
    }

    private static SqlNode withSortKey(SqlNode item, SqlNode key) {
        if (!isSortWrapper(item)) {
            return key;
        }
        SqlCall call = (SqlCall) item;
        return call.getOperator().createCall(call.getParserPosition(), withSortKey(call.operand(0), key));
    }

    private static boolean isSortWrapper(SqlNode item) {
        return item.getKind() == SqlKind.DESCENDING || item.getKind() == SqlKind.NULLS_FIRST || item.getKind() == SqlKind.NULLS_LAST;
    }

    private static final class DeepCopy extends SqlShuttle {
        @Override
        public SqlNode visit(SqlIdentifier id) {
            return id.clone(id.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlLiteral literal) {
            return literal.clone(literal.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlCall call) {
            // Calcite's star calls are told apart by their class, which their operator's createCall does not keep.
            if (call instanceof SqlStarExclude exclude) {
                return new SqlStarExclude(exclude.getParserPosition(), (SqlIdentifier) exclude.getStarIdentifier().accept(this),
                        (SqlNodeList) exclude.getExcludeList().accept(this));
            }
            if (call instanceof SqlStarReplace replace) {
                return new SqlStarReplace(replace.getParserPosition(), (SqlIdentifier) replace.getStarIdentifier().accept(this),
                        (SqlNodeList) replace.getReplaceList().accept(this));
            }
            List<SqlNode> operands = new ArrayList<>();
            for (SqlNode operand : call.getOperandList()) {
                operands.add(operand == null ? null : operand.accept(this));
            }
            return call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(), operands.toArray(new SqlNode[0]));
        }
    }
}
