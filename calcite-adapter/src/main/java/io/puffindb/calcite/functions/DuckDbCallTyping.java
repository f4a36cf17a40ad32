package io.puffindb.calcite.functions;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.DuckDbTypes;
import io.puffindb.calcite.PuffinDuckDbDialect;
import io.puffindb.calcite.functions.CatalogFunction.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.rel.rel2sql.SqlImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCallBinding;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Operand checking and return type of a call of one of DuckDB's functions, both answered by DuckDB's
 * binder: the call is written as DuckDB would see it (literal arguments as they are, since DuckDB binds
 * some by value, such as {@code round}'s precision or {@code string_agg}'s separator; other arguments as
 * columns of their type) and DuckDB says its type or why it refuses it. The result is always nullable.
 */
final class DuckDbCallTyping implements SqlReturnTypeInference, SqlOperandTypeChecker, SqlOperandTypeInference {
    private final CatalogFunction function;
    private final DuckDbBinder binder;

    DuckDbCallTyping(CatalogFunction function, DuckDbBinder binder) {
        this.function = requireNonNull(function, "function is null");
        this.binder = requireNonNull(binder, "binder is null");
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        DuckDbBinder.Bound bound = bind(binding, false);
        if (!bound.ok() && !(binding instanceof SqlCallBinding)) {
            // After validation (a rule re-deriving a type) literals may have become casts or columns: DuckDB
            // binds the call as validated when its arguments are constants of the same types.
            bound = bind(binding, true);
        }
        if (!bound.ok()) {
            throw failure(binding, bound.error());
        }
        String duckDbType = bound.type();
        RelDataTypeFactory types = binding.getTypeFactory();
        RelDataType type = DuckDbTypes.fromDuckDbName(types, duckDbType).orElseThrow(() -> failure(binding, format(
                "%s(...) is of type %s in DuckDB, which PuffinDB does not support yet", function.name(), duckDbType)));
        return types.createTypeWithNullability(type, true);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
        DuckDbBinder.Bound bound = bind(callBinding, false);
        if (!bound.ok() && throwOnFailure) {
            throw failure(callBinding, bound.error());
        }
        return bound.ok();
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return function.maxArguments() == CatalogFunction.ANY_NUMBER ? SqlOperandCountRanges.from(function.minArguments())
                : SqlOperandCountRanges.between(function.minArguments(), function.maxArguments());
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return function.signatures().stream()
                .map(signature -> function.name() + "(" + String.join(", ", signature.parameterTypes())
                        + (signature.varargs() == null ? "" : ", " + signature.varargs() + "...") + ")")
                .distinct().collect(Collectors.joining("\n"));
    }

    /** An untyped NULL argument stays untyped: DuckDB binds it as its NULL type. */
    @Override
    public void inferOperandTypes(SqlCallBinding callBinding, RelDataType returnType, RelDataType[] operandTypes) {
        RelDataType nullType = callBinding.getTypeFactory().createSqlType(SqlTypeName.NULL);
        for (int i = 0; i < operandTypes.length; i++) {
            RelDataType known = callBinding.getOperandType(i);
            operandTypes[i] = known.getSqlTypeName() == SqlTypeName.UNKNOWN ? nullType : known;
        }
    }

    private DuckDbBinder.Bound bind(SqlOperatorBinding binding, boolean constants) {
        List<String> arguments = new ArrayList<>();
        List<String> columnTypes = new ArrayList<>();
        for (int operand = 0; operand < binding.getOperandCount(); operand++) {
            int i = operand;
            Optional<String> literal = constants ? Optional.empty() : literal(binding, i);
            if (literal.isPresent()) {
                arguments.add(literal.get());
                continue;
            }
            RelDataType type = binding.getOperandType(i);
            String duckDbType = DuckDbTypeNames.of(type).orElseThrow(() -> failure(binding, format(
                    "argument %d of %s(...) is of type %s, which DuckDB's functions do not take here", i + 1, function.name(), type)));
            if (constants) {
                arguments.add(duckDbType.equals("NULL") ? "NULL" : "CAST(NULL AS " + duckDbType + ")");
            } else {
                arguments.add("a" + columnTypes.size());
                columnTypes.add(duckDbType);
            }
        }
        String call = function.name() + "(" + String.join(", ", arguments) + ")";
        if (function.kind() == Kind.WINDOW) {
            call += columnTypes.isEmpty() ? " OVER ()" : " OVER (ORDER BY a0)";
        }
        return binder.bind(call, columnTypes);
    }

    /**
     * The argument as DuckDB SQL when DuckDB takes it for a constant: a literal, a negative number, a
     * CAST of a constant ({@code CAST(NULL AS VARCHAR)}); else empty.
     */
    private static Optional<String> literal(SqlOperatorBinding binding, int i) {
        if (binding instanceof SqlCallBinding callBinding) {
            SqlNode operand = callBinding.operand(i);
            return constant(operand) ? Optional.of(operand.toSqlString(PuffinDuckDbDialect.INSTANCE).getSql()) : Optional.empty();
        }
        if (binding instanceof RexCallBinding rexBinding) {
            RexNode operand = rexBinding.operands().get(i);
            if (operand instanceof RexLiteral literal) {
                return Optional.of(SqlImplementor.toSql(literal).toSqlString(PuffinDuckDbDialect.INSTANCE).getSql());
            }
        }
        return Optional.empty();
    }

    private static boolean constant(SqlNode operand) {
        if (operand instanceof SqlLiteral) {
            return true;
        }
        return switch (operand.getKind()) {
            case MINUS_PREFIX -> constant(((SqlCall) operand).operand(0));
            case CAST -> constant(((SqlCall) operand).operand(0));
            default -> false;
        };
    }

    private RuntimeException failure(SqlOperatorBinding binding, String why) {
        String message = format("%s: %s", function.name(), why);
        if (binding instanceof SqlCallBinding callBinding) {
            SqlParserPos pos = callBinding.getCall().getParserPosition();
            return new CalciteContextException(message, new SqlValidatorException(message, null), pos.getLineNum(), pos.getColumnNum(),
                    pos.getEndLineNum(), pos.getEndColumnNum());
        }
        return new IllegalStateException(message);
    }
}
