package io.puffindb.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * A binary operator of DuckDB's that {@link DuckDbArithmetic} puts into calls during validation. It is
 * in no operator table, so its type is derived from its own operand checker and return type, not by
 * looking an operator up by name (which Calcite's default does, and which the validator repeats for
 * expressions it re-validates, such as those over window aggregates).
 */
final class DuckDbBinaryOperator extends SqlBinaryOperator {
    DuckDbBinaryOperator(String name, int precedence, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        super(name, SqlKind.OTHER, precedence, true, returnType, InferTypes.FIRST_KNOWN, operands);
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        for (int i = 0; i < call.operandCount(); i++) {
            validator.deriveType(scope, call.operand(i));
        }
        return validateOperands(validator, scope, call);
    }
}
