package io.puffindb.calcite;

import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSetOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** DuckDB's operators that Calcite's standard library lacks; each unparses as DuckDB writes it. */
public final class DuckDbOperators {
    /** DuckDB's UNION BY NAME: the sides' columns matched by name, never seen by the validator ({@link UnionByName} rewrites it). */
    public static final SqlSetOperator UNION_BY_NAME = new SqlSetOperator("UNION BY NAME", SqlKind.UNION, 12, false);
    /** DuckDB's UNION ALL BY NAME, as {@link #UNION_BY_NAME} but keeping duplicate rows. */
    public static final SqlSetOperator UNION_ALL_BY_NAME = new SqlSetOperator("UNION ALL BY NAME", SqlKind.UNION, 12, true);

    /**
     * {@code a // b}: for integers DuckDB's integer division (truncating toward zero, of the wider
     * operand type: {@code -7 // 2} is -3, INTEGER); for FLOAT and DOUBLE plain division of that type;
     * for DECIMAL operands a DOUBLE. Same precedence as {@code *} and {@code /}. Calcite has no
     * implementation of it, so it is never folded here: DuckDB computes it (and fails on a zero divisor as DuckDB does).
     */
    public static final SqlBinaryOperator INTEGER_DIVIDE = new SqlBinaryOperator("//", SqlKind.OTHER, 60, true,
            DuckDbOperators::integerDivideType, InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC);

    // The day counts DuckDB adds to a DATE: the types it casts to INTEGER without loss (not BIGINT).
    private static final Set<SqlTypeName> DAYS = Set.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER);

    /** {@code date + days} and {@code days + date}: a DATE, as in DuckDB (days an INTEGER or narrower). */
    static final SqlBinaryOperator DATE_PLUS_DAYS = new DuckDbBinaryOperator("+", 40, ReturnTypes.DATE_NULLABLE, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER), OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.DATE)));

    /** {@code date - days}: a DATE, as in DuckDB. */
    static final SqlBinaryOperator DATE_MINUS_DAYS = new DuckDbBinaryOperator("-", 40, ReturnTypes.DATE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.INTEGER));

    /** {@code date - date}: the days between them, a BIGINT, as in DuckDB. */
    static final SqlBinaryOperator DATE_MINUS_DATE = new DuckDbBinaryOperator("-", 40, ReturnTypes.BIGINT_NULLABLE,
            OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.DATE));

    /**
     * {@code a / b} of numbers: a DOUBLE (FLOAT when both are FLOAT), as in DuckDB, where Calcite keeps
     * the operands' type (INTEGER for {@code 1 / 2}); a CASE or a CAST over it then kept Calcite's type and
     * cut DuckDB's answer down to it. Kind OTHER: Calcite never folds it with its own integer division.
     */
    static final SqlBinaryOperator DIVIDE = new DuckDbBinaryOperator("/", 60, DuckDbOperators::quotientType, OperandTypes.NUMERIC_NUMERIC);

    /**
     * The parser's {@code +}: Calcite's, except for DuckDB's DATE arithmetic with day counts. Validation
     * settles which one a call is ({@link DuckDbArithmetic}); after it a call never holds this operator.
     */
    public static final SqlBinaryOperator PLUS = new DuckDbArithmetic(SqlStdOperatorTable.PLUS, (left, right) ->
            left == SqlTypeName.DATE && DAYS.contains(right) || DAYS.contains(left) && right == SqlTypeName.DATE ? DATE_PLUS_DAYS : null);

    /** The parser's {@code -}: Calcite's, or DuckDB's {@code date - days} and {@code date - date}. */
    public static final SqlBinaryOperator MINUS = new DuckDbArithmetic(SqlStdOperatorTable.MINUS, (left, right) -> {
        if (left != SqlTypeName.DATE) {
            return null;
        }
        return DAYS.contains(right) ? DATE_MINUS_DAYS : right == SqlTypeName.DATE ? DATE_MINUS_DATE : null;
    });

    /** The parser's {@code /}: DuckDB's division of numbers, Calcite's for intervals. */
    public static final SqlBinaryOperator DIVIDE_AS_PARSED = new DuckDbArithmetic(SqlStdOperatorTable.DIVIDE, (left, right) ->
            SqlTypeName.NUMERIC_TYPES.contains(left) && SqlTypeName.NUMERIC_TYPES.contains(right) ? DIVIDE : null);

    private DuckDbOperators() {
    }

    private static RelDataType quotientType(SqlOperatorBinding binding) {
        RelDataTypeFactory types = binding.getTypeFactory();
        boolean floats = binding.collectOperandTypes().stream().allMatch(type -> type.getSqlTypeName() == SqlTypeName.REAL
                || type.getSqlTypeName() == SqlTypeName.FLOAT);
        boolean nullable = binding.collectOperandTypes().stream().anyMatch(RelDataType::isNullable);
        return types.createTypeWithNullability(types.createSqlType(floats ? SqlTypeName.REAL : SqlTypeName.DOUBLE), nullable);
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
