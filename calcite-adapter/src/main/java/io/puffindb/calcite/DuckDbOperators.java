package io.puffindb.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** DuckDB's operators that Calcite's standard library lacks; each unparses as DuckDB writes it. */
public final class DuckDbOperators {
    /**
     * {@code a // b}: for integers DuckDB's integer division (truncating toward zero, of the wider
     * operand type: {@code -7 // 2} is -3, INTEGER); for FLOAT and DOUBLE plain division of that type;
     * for DECIMAL operands a DOUBLE. Same precedence as {@code *} and {@code /}. Calcite has no
     * implementation of it, so it is never folded here: DuckDB computes it (and fails on a zero divisor as DuckDB does).
     */
    public static final SqlBinaryOperator INTEGER_DIVIDE = new SqlBinaryOperator("//", SqlKind.OTHER, 60, true,
            DuckDbOperators::integerDivideType, InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

    /** {@code date + days} and {@code days + date}: a DATE, as in DuckDB (days an INTEGER or narrower). */
    static final SqlBinaryOperator DATE_PLUS_DAYS = new SqlBinaryOperator("+", SqlKind.OTHER, 40, true,
            ReturnTypes.DATE_NULLABLE, InferTypes.FIRST_KNOWN, OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER), OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.DATE)));

    /** {@code date - days}: a DATE, as in DuckDB. */
    static final SqlBinaryOperator DATE_MINUS_DAYS = new SqlBinaryOperator("-", SqlKind.OTHER, 40, true,
            ReturnTypes.DATE_NULLABLE, InferTypes.FIRST_KNOWN, OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER));

    /** {@code date - date}: the days between them, a BIGINT, as in DuckDB. */
    static final SqlBinaryOperator DATE_MINUS_DATE = new SqlBinaryOperator("-", SqlKind.OTHER, 40, true,
            ReturnTypes.BIGINT_NULLABLE, InferTypes.FIRST_KNOWN, OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.DATE));

    /**
     * The parser's {@code +}: Calcite's, except for DuckDB's DATE arithmetic with day counts, which
     * Calcite refuses. Validation settles which one a call is ({@link DateArithmetic}); after it a
     * call holds Calcite's PLUS or {@link #DATE_PLUS_DAYS}, never this operator.
     */
    public static final SqlBinaryOperator PLUS = new DateArithmetic(SqlStdOperatorTable.PLUS, DATE_PLUS_DAYS, null);

    /** The parser's {@code -}: Calcite's, or DuckDB's {@code date - days} and {@code date - date}. */
    public static final SqlBinaryOperator MINUS = new DateArithmetic(SqlStdOperatorTable.MINUS, DATE_MINUS_DAYS, DATE_MINUS_DATE);

    private DuckDbOperators() {
    }

    private static RelDataType integerDivideType(SqlOperatorBinding binding) {
        RelDataTypeFactory types = binding.getTypeFactory();
        RelDataType wider = types.leastRestrictive(binding.collectOperandTypes());
        if (wider == null || wider.getSqlTypeName() == SqlTypeName.DECIMAL) {
            boolean nullable = binding.collectOperandTypes().stream().anyMatch(RelDataType::isNullable);
            return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), nullable);
        }
        return wider;
    }
}
