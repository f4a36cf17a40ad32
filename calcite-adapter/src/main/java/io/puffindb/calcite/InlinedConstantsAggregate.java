package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.util.Optionality;

/**
 * An aggregate whose constant arguments are part of the function, written inline where the call is
 * rendered: {@code string_agg(x, ',')} keeps its separator even when its input crosses an exchange (the
 * separator would otherwise arrive as a column, and DuckDB takes only a constant there).
 */
final class InlinedConstantsAggregate extends SqlAggFunction {
    private final String duckDbName;
    private final Map<Integer, SqlNode> constants;
    private final int argumentCount;

    /**
     * @param constants the constant arguments by their position in the call as written
     * @param argumentCount how many arguments the call as written has
     */
    InlinedConstantsAggregate(String duckDbName, Map<Integer, SqlNode> constants, int argumentCount, RelDataType type, boolean requiresOver) {
        super(duckDbName, null, SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(type), null, OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM,
                false, requiresOver, Optionality.OPTIONAL);
        this.duckDbName = requireNonNull(duckDbName, "duckDbName is null");
        this.constants = new TreeMap<>(constants);
        this.argumentCount = argumentCount;
    }

    /** The arguments as written: the call's own operands with the constants put back in their places. */
    List<SqlNode> arguments(SqlCall call) {
        List<SqlNode> arguments = new ArrayList<>();
        int operand = 0;
        for (int position = 0; position < argumentCount; position++) {
            SqlNode constant = constants.get(position);
            arguments.add(constant != null ? constant : call.operand(operand++));
        }
        return arguments;
    }

    String duckDbName() {
        return duckDbName;
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        OrderedAggregates.writeCall(writer, call, null);
    }
}
