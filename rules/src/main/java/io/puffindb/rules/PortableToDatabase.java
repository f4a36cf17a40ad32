package io.puffindb.rules;

import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * What a database may compute for a query so that the answer is the one DuckDB would give: column
 * references, literals and Calcite's standard comparisons, logic, null tests, CASE, casts that cannot round, and LIKE;
 * COUNT, SUM (not of integers), AVG, MIN and MAX, sent in DuckDB's types ({@link DuckDbAnswerTypes}); sorts. Not pushed, because databases disagree with DuckDB on them:
 * arithmetic (integer division, overflow), functions of DuckDB's catalog, and any ordering of strings
 * ({@code <} on text, MIN/MAX of text, ORDER BY text), which follows the database's collation.
 */
final class PortableToDatabase {
    private static final Set<SqlOperator> OPERATORS = Set.of(
            SqlStdOperatorTable.EQUALS, SqlStdOperatorTable.NOT_EQUALS, SqlStdOperatorTable.LESS_THAN,
            SqlStdOperatorTable.LESS_THAN_OR_EQUAL, SqlStdOperatorTable.GREATER_THAN, SqlStdOperatorTable.GREATER_THAN_OR_EQUAL,
            SqlStdOperatorTable.AND, SqlStdOperatorTable.OR, SqlStdOperatorTable.NOT, SqlStdOperatorTable.IS_NULL,
            SqlStdOperatorTable.IS_NOT_NULL, SqlStdOperatorTable.IS_TRUE, SqlStdOperatorTable.IS_FALSE, SqlStdOperatorTable.SEARCH,
            SqlStdOperatorTable.CASE, SqlStdOperatorTable.CAST, SqlStdOperatorTable.LIKE, SqlStdOperatorTable.NOT_LIKE);
    private static final Set<SqlKind> ORDERING = Set.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
            SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.SEARCH);
    private static final Set<SqlKind> AGGREGATES = Set.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.AVG, SqlKind.MIN, SqlKind.MAX);

    private final List<RelNode> inputs;

    PortableToDatabase(List<RelNode> inputs) {
        this.inputs = inputs;
    }

    boolean test(RexNode expression) {
        if (expression instanceof RexInputRef || expression instanceof RexLiteral) {
            return true;
        }
        if (!(expression instanceof RexCall call) || !OPERATORS.contains(call.getOperator())) {
            return false;
        }
        if (ORDERING.contains(call.getKind()) && call.getOperands().stream().anyMatch(operand -> !ordersAlike(operand.getType()))) {
            return false;
        }
        if (call.getKind() == SqlKind.CAST && !castsAlike(call.getOperands().get(0), call.getType())) {
            return false;
        }
        // PostgreSQL's LIKE takes a backslash as its escape character by default; DuckDB's has none.
        if (call.getKind() == SqlKind.LIKE && call.getOperands().get(1) instanceof RexLiteral pattern
                && String.valueOf(pattern.getValueAs(String.class)).contains("\\")) {
            return false;
        }
        return call.getOperands().stream().allMatch(this::test);
    }

    boolean test(LogicalAggregate aggregate) {
        if (aggregate.getGroupType() != LogicalAggregate.Group.SIMPLE) {
            return false;
        }
        RelDataType input = inputs.get(0).getRowType();
        for (AggregateCall call : aggregate.getAggCallList()) {
            SqlKind kind = call.getAggregation().getKind();
            boolean extreme = kind == SqlKind.MIN || kind == SqlKind.MAX;
            if (!AGGREGATES.contains(kind) || !call.collation.getFieldCollations().isEmpty() || extreme && !ordersAlike(call.getType())) {
                return false;
            }
            // DuckDB sums integers into a HUGEINT, which no other database has.
            boolean sum = kind == SqlKind.SUM || kind == SqlKind.SUM0;
            if (sum && SqlTypeUtil.isIntType(input.getFieldList().get(call.getArgList().get(0)).getType())) {
                return false;
            }
        }
        return true;
    }

    boolean test(LogicalSort sort) {
        RelDataType input = inputs.get(0).getRowType();
        return sort.getCollation().getFieldCollations().stream().map(RelFieldCollation::getFieldIndex)
                .allMatch(field -> ordersAlike(input.getFieldList().get(field).getType()))
                && (sort.offset == null || sort.offset instanceof RexLiteral) && (sort.fetch == null || sort.fetch instanceof RexLiteral);
    }

    // Casts that cannot round or reformat: of a literal (folded by Calcite where it matters), to the same kind of type, or
    // widening exact numbers. Rounding of DOUBLE to integers and the text of numbers differ between databases.
    private static boolean castsAlike(RexNode operand, RelDataType target) {
        RelDataType source = operand.getType();
        if (operand instanceof RexLiteral || source.getSqlTypeName() == target.getSqlTypeName() && !SqlTypeUtil.isDecimal(target)) {
            return true;
        }
        if (SqlTypeUtil.isCharacter(source) && SqlTypeUtil.isCharacter(target)) {
            return true;
        }
        boolean exact = SqlTypeUtil.isExactNumeric(source) && SqlTypeUtil.isExactNumeric(target);
        return exact && target.getScale() >= Math.max(source.getScale(), 0)
                && target.getPrecision() - target.getScale() >= source.getPrecision() - Math.max(source.getScale(), 0);
    }

    // Numbers, dates, times and booleans order the same everywhere; text and bytes follow a collation.
    private static boolean ordersAlike(RelDataType type) {
        return !isText(type) && type.getFamily() != SqlTypeFamily.BINARY;
    }

    private static boolean isText(RelDataType type) {
        return SqlTypeUtil.isCharacter(type);
    }
}
