package io.puffindb.calcite.functions;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;

/** A scalar function (or scalar macro) of DuckDB's catalog, typed by DuckDB and computed by DuckDB only. */
public final class DuckDbScalarFunction extends SqlFunction {
    private final CatalogFunction function;

    DuckDbScalarFunction(CatalogFunction function, DuckDbCallTyping typing) {
        super(function.name(), SqlKind.OTHER_FUNCTION, typing, typing, typing, SqlFunctionCategory.SYSTEM);
        this.function = function;
    }

    public CatalogFunction catalogFunction() {
        return function;
    }

    @Override
    public boolean isDeterministic() {
        return !function.volatile_();
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        FunctionCalls.unparse(function.name(), writer, call);
    }
}
