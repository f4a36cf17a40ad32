package io.puffindb.calcite.tier;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.util.Optionality;

/**
 * The functions that combine partial aggregates above an exchange, rendered so that DuckDB's result
 * type is exactly what the unsplit aggregate would have given: a count stays BIGINT (DuckDB's SUM of
 * BIGINT is HUGEINT), an average is DuckDB's own division (DOUBLE).
 */
public final class MergeFunctions {
    /** Adds up partial counts: {@code CAST(SUM(c) AS BIGINT)}; never NULL, as COUNT is not. */
    public static final SqlAggFunction SUM_OF_COUNTS = new SqlAggFunction("SUM_OF_COUNTS", null, SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT,
            null, OperandTypes.NUMERIC, SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN) {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            writer.print("CAST(SUM(");
            call.operand(0).unparse(writer, 0, 0);
            writer.print(") AS BIGINT)");
            writer.setNeedWhitespace(true);
        }
    };

    /**
     * Divides a merged sum by a merged count; typed by the caller as the original AVG was, and
     * rendered without a cast so DuckDB types it as its own AVG.
     */
    public static final SqlFunction AVERAGE_OF_PARTIALS = new SqlFunction("AVERAGE_OF_PARTIALS", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0, null, OperandTypes.ANY_ANY, SqlFunctionCategory.NUMERIC) {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            call.operand(0).unparse(writer, 0, 0);
            writer.sep("/");
            call.operand(1).unparse(writer, 0, 0);
            writer.endList(frame);
        }

        @Override
        public boolean isDeterministic() {
            return true;
        }
    };

    private MergeFunctions() {
    }
}
