package io.puffindb.calcite;

import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A binary {@code +} or {@code -} as parsed: once its operands' types are known, the call becomes
 * Calcite's operator or DuckDB's DATE arithmetic ({@code DATE ± INTEGER} is a DATE, {@code DATE - DATE}
 * a BIGINT day count), which Calcite's own operators refuse. Switching the call's operator during type
 * derivation (as Calcite does when it resolves an overloaded function) leaves later phases only
 * operators they know.
 */
final class DateArithmetic extends SqlBinaryOperator {
    // The day counts DuckDB adds to a DATE: the types it casts to INTEGER without loss (not BIGINT).
    private static final Set<SqlTypeName> DAYS = Set.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER);

    private final SqlBinaryOperator standard;
    private final SqlBinaryOperator withDays;
    private final @Nullable SqlBinaryOperator betweenDates;

    DateArithmetic(SqlBinaryOperator standard, SqlBinaryOperator withDays, @Nullable SqlBinaryOperator betweenDates) {
        super(standard.getName(), standard.getKind(), standard.getLeftPrec(), true, standard.getReturnTypeInference(),
                standard.getOperandTypeInference(), standard.getOperandTypeChecker());
        this.standard = standard;
        this.withDays = withDays;
        this.betweenDates = betweenDates;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        SqlTypeName left = validator.deriveType(scope, call.operand(0)).getSqlTypeName();
        SqlTypeName right = validator.deriveType(scope, call.operand(1)).getSqlTypeName();
        SqlOperator actual = choose(left, right);
        ((SqlBasicCall) call).setOperator(actual);
        // Calcite's own operator is found again in the operator table by its deriveType; DuckDB's DATE
        // operators are not in it, so their operands are checked and their type inferred directly.
        return actual == standard ? standard.deriveType(validator, scope, call) : actual.validateOperands(validator, scope, call);
    }

    private SqlOperator choose(SqlTypeName left, SqlTypeName right) {
        if (left == SqlTypeName.DATE && DAYS.contains(right)) {
            return withDays;
        }
        if (DAYS.contains(left) && right == SqlTypeName.DATE && standard.getKind() == SqlKind.PLUS) {
            return withDays;
        }
        if (left == SqlTypeName.DATE && right == SqlTypeName.DATE && betweenDates != null) {
            return betweenDates;
        }
        return standard;
    }
}
