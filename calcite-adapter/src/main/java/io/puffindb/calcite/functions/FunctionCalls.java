package io.puffindb.calcite.functions;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;

/** Writes a call of one of DuckDB's functions as DuckDB spells it: its catalog name, then the arguments. */
final class FunctionCalls {
    private FunctionCalls() {
    }

    static void unparse(String name, SqlWriter writer, SqlCall call) {
        writer.print(name);
        writer.setNeedWhitespace(false);
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
        SqlLiteral quantifier = call.getFunctionQuantifier();
        if (quantifier != null) {
            quantifier.unparse(writer, 0, 0);
        }
        for (SqlNode operand : call.getOperandList()) {
            writer.sep(",");
            operand.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
