package io.puffindb.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An arithmetic operator as parsed ({@code +}, {@code -}, {@code /}): once its operands' types are
 * known, the call becomes Calcite's operator or DuckDB's where the two differ (DATE arithmetic with day
 * counts, which Calcite refuses; division, which is a DOUBLE in DuckDB where Calcite keeps the
 * operands' type). Switching the call's operator during type derivation (as Calcite does when it
 * resolves an overloaded function) leaves later phases only operators they know.
 */
final class DuckDbArithmetic extends SqlBinaryOperator {
    /** DuckDB's operator for operands of these types, or null where Calcite's gives DuckDB's answer. */
    @FunctionalInterface
    interface Choice {
        @Nullable SqlBinaryOperator of(SqlTypeName left, SqlTypeName right);
    }

    private final SqlBinaryOperator standard;
    private final Choice duckDb;

    DuckDbArithmetic(SqlBinaryOperator standard, Choice duckDb) {
        super(standard.getName(), standard.getKind(), standard.getLeftPrec(), true, standard.getReturnTypeInference(),
                standard.getOperandTypeInference(), standard.getOperandTypeChecker());
        this.standard = standard;
        this.duckDb = duckDb;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        SqlTypeName left = validator.deriveType(scope, call.operand(0)).getSqlTypeName();
        SqlTypeName right = validator.deriveType(scope, call.operand(1)).getSqlTypeName();
        SqlOperator chosen = duckDb.of(left, right);
        if (chosen == null) {
            ((SqlBasicCall) call).setOperator(standard);
            return standard.deriveType(validator, scope, call);
        }
        // Calcite's operator is found again in the operator table by its deriveType; DuckDB's are not in
        // it, so their operands are checked and their type inferred directly.
        ((SqlBasicCall) call).setOperator(chosen);
        return chosen.validateOperands(validator, scope, call);
    }
}
