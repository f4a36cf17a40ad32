package io.puffindb.calcite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * DuckDB's LIMIT and OFFSET take constant expressions ({@code LIMIT 2 * 5}); Calcite's validator takes a
 * number. The expression's value, computed exactly, becomes that number; anything else is refused where it is.
 */
final class ConstantLimits {
    private ConstantLimits() {
    }

    /** {@code value} as a non-negative integer literal (null stays null; a literal or parameter stays itself). */
    static SqlNode fold(SqlNode value, String clause) {
        if (value == null || value instanceof SqlLiteral || value instanceof SqlDynamicParam) {
            return value;
        }
        BigDecimal number = evaluate(value, clause);
        if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0) {
            throw SqlErrors.refused(value, clause + " must be a non-negative whole number, not " + number.toPlainString());
        }
        return SqlLiteral.createExactNumeric(number.toBigIntegerExact().toString(), value.getParserPosition());
    }

    private static BigDecimal evaluate(SqlNode node, String clause) {
        if (node instanceof SqlNumericLiteral literal) {
            return literal.getValueAs(BigDecimal.class);
        }
        if (node instanceof SqlCall call) {
            switch (call.getKind()) {
                case PLUS_PREFIX:
                    return evaluate(call.operand(0), clause);
                case MINUS_PREFIX:
                    return evaluate(call.operand(0), clause).negate();
                case PLUS:
                    return evaluate(call.operand(0), clause).add(evaluate(call.operand(1), clause));
                case MINUS:
                    return evaluate(call.operand(0), clause).subtract(evaluate(call.operand(1), clause));
                case TIMES:
                    return evaluate(call.operand(0), clause).multiply(evaluate(call.operand(1), clause));
                default:
                    if (call.getOperator() == DuckDbOperators.INTEGER_DIVIDE) {
                        BigDecimal divisor = evaluate(call.operand(1), clause);
                        if (divisor.signum() == 0) {
                            throw SqlErrors.refused(call, clause + " divides by zero");
                        }
                        return evaluate(call.operand(0), clause).divide(divisor, 0, RoundingMode.FLOOR);
                    }
            }
        }
        throw SqlErrors.refused(node, clause + " takes a constant expression of numbers with + - * and //, not " + node);
    }
}
