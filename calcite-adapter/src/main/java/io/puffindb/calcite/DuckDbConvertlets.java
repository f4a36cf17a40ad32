package io.puffindb.calcite;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's convertlets, except that AVG, STDDEV and VARIANCE (as window functions) stay calls:
 * Calcite would expand them into SUM/COUNT arithmetic cast to its own result type (DECIMAL for AVG
 * of a DECIMAL), where DuckDB computes them natively (AVG of a DECIMAL is a DOUBLE).
 */
final class DuckDbConvertlets implements SqlRexConvertletTable {
    static final DuckDbConvertlets INSTANCE = new DuckDbConvertlets();
    private static final Set<SqlKind> NATIVE = EnumSet.of(SqlKind.AVG, SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP,
            SqlKind.VAR_SAMP);

    private DuckDbConvertlets() {
    }

    @Override
    public @Nullable SqlRexConvertlet get(SqlCall call) {
        if (NATIVE.contains(call.getKind())) {
            return StandardConvertletTable.INSTANCE::convertCall;
        }
        return StandardConvertletTable.INSTANCE.get(call);
    }
}
