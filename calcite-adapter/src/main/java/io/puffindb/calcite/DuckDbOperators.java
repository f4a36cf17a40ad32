package io.puffindb.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
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
