package io.puffindb.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Util;

/**
 * DuckDB's {@code a SEMI JOIN b ON c} and {@code a ANTI JOIN b ON c} (or {@code USING (k)}), which Calcite parses and validates
 * but cannot turn into relational algebra, rewritten before validation as {@code [NOT] EXISTS (SELECT 1
 * FROM b WHERE c)} in the query's WHERE — the planner then makes the semi or anti join out of the
 * subquery as it does for any EXISTS. The predicate reads only the left side's rows, so it may move to
 * the WHERE as long as every join between it and the FROM root keeps the left side's rows as they are
 * (inner, left, cross and further semi/anti joins, with the semi join on their left); anywhere else
 * the semi join's left table becomes a derived table of its matching rows, under the same name.
 */
final class SemiJoins extends SqlShuttle {
    private static final SemiJoins INSTANCE = new SemiJoins();

    private SemiJoins() {
    }

    /** The query with its semi and anti joins as EXISTS predicates (the same tree when it has none). */
    static SqlNode rewrite(SqlNode query) {
        return query.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call); // subqueries first: each SELECT rewrites its own FROM
        if (visited instanceof SqlSelect select && select.getFrom() != null) {
            moveIntoWhere(select);
        }
        return visited;
    }

    private static void moveIntoWhere(SqlSelect select) {
        List<SqlNode> predicates = new ArrayList<>();
        SqlNode from = withoutSemiJoins(select.getFrom(), predicates);
        if (predicates.isEmpty()) {
            return;
        }
        SqlNode where = select.getWhere();
        for (SqlNode predicate : predicates) {
            where = and(where, predicate);
        }
        select.setFrom(from);
        select.setWhere(where);
    }

    // The FROM tree with the semi and anti joins of its left spine replaced by their left side, their
    // predicates added to `predicates`.
    private static SqlNode withoutSemiJoins(SqlNode from, List<SqlNode> predicates) {
        if (!(from instanceof SqlJoin join)) {
            return from;
        }
        join.setRight(derived(join.getRight()));
        JoinType type = join.getJoinType();
        if (isSemiOrAnti(type)) {
            SqlNode condition = condition(join);
            SqlNode left = withoutSemiJoins(join.getLeft(), predicates);
            predicates.add(exists(join, condition));
            return left;
        }
        join.setLeft(keepsLeftRows(type) ? withoutSemiJoins(join.getLeft(), predicates) : derived(join.getLeft()));
        return join;
    }

    // ON c as it is; USING (k, ...) as l.k = r.k AND ..., where both sides are tables (or aliased
    // subqueries) that name their columns.
    private static SqlNode condition(SqlJoin join) {
        if (join.getConditionType() == JoinConditionType.ON) {
            return join.getCondition();
        }
        String left = alias(join.getLeft());
        String right = alias(join.getRight());
        if (join.isNatural() || join.getConditionType() != JoinConditionType.USING || left == null || right == null) {
            throw SqlErrors.refused(join.getRight(), "a SEMI or ANTI JOIN needs ON, or USING between two tables (NATURAL is not supported)");
        }
        SqlNode condition = null;
        for (SqlNode column : (SqlNodeList) join.getCondition()) {
            String name = ((SqlIdentifier) column).getSimple();
            SqlNode equal = SqlStdOperatorTable.EQUALS.createCall(column.getParserPosition(),
                    new SqlIdentifier(List.of(left, name), column.getParserPosition()), new SqlIdentifier(List.of(right, name), column.getParserPosition()));
            condition = and(condition, equal);
        }
        return condition;
    }

    // The name a FROM item's columns are qualified by, or null when it is not a single table.
    private static String alias(SqlNode from) {
        if (from instanceof SqlIdentifier table) {
            return Util.last(table.names);
        }
        if (from.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
        }
        return null;
    }

    private static SqlNode exists(SqlJoin join, SqlNode condition) {
        SqlSelect matches = new SqlSelect(join.getParserPosition(), null, SqlNodeList.of(SqlLiteral.createExactNumeric("1", SqlParserPos.ZERO)),
                join.getRight(), condition, null, null, null, null, null, null, null, null);
        SqlNode exists = SqlStdOperatorTable.EXISTS.createCall(join.getParserPosition(), matches);
        return join.getJoinType() == JoinType.LEFT_SEMI_JOIN ? exists : SqlStdOperatorTable.NOT.createCall(join.getParserPosition(), exists);
    }

    // Elsewhere in a FROM tree (inside parentheses, under a RIGHT or FULL join) a semi or anti join
    // becomes a derived table of its left side's rows that match: (SELECT * FROM l WHERE [NOT] EXISTS
    // (...)) AS l, which keeps l's name for the columns the rest of the query qualifies by it.
    private static SqlNode derived(SqlNode from) {
        if (!(from instanceof SqlJoin join)) {
            return from;
        }
        join.setLeft(derived(join.getLeft()));
        join.setRight(derived(join.getRight()));
        if (!isSemiOrAnti(join.getJoinType())) {
            return join;
        }
        String alias = alias(join.getLeft());
        if (alias == null) {
            throw SqlErrors.refused(join.getRight(), "a SEMI or ANTI JOIN inside parentheses or under a RIGHT or FULL join needs a single"
                    + " table (or aliased subquery) on its left; write it as [NOT] EXISTS");
        }
        SqlSelect matching = new SqlSelect(join.getParserPosition(), null, SqlNodeList.of(SqlIdentifier.star(SqlParserPos.ZERO)), join.getLeft(),
                exists(join, condition(join)), null, null, null, null, null, null, null, null);
        return SqlStdOperatorTable.AS.createCall(join.getParserPosition(), matching, new SqlIdentifier(alias, SqlParserPos.ZERO));
    }

    // Binary ANDs: Calcite's SqlUtil.andExpressions flattens into one AND of three operands, which its validator then refuses.
    private static SqlNode and(SqlNode left, SqlNode right) {
        return left == null ? right : SqlStdOperatorTable.AND.createCall(SqlParserPos.ZERO, left, right);
    }

    private static boolean isSemiOrAnti(JoinType type) {
        return type == JoinType.LEFT_SEMI_JOIN || type == JoinType.LEFT_ANTI_JOIN;
    }

    // Joins whose answer holds each left row as it was (or once per match): a filter on the left rows
    // alone gives the same answer above them as below.
    private static boolean keepsLeftRows(JoinType type) {
        return switch (type) {
            case INNER, LEFT, CROSS, COMMA, ASOF, LEFT_ASOF -> true;
            default -> false;
        };
    }
}
