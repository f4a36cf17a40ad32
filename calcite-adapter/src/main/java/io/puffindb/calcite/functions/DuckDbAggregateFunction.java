package io.puffindb.calcite.functions;

import io.puffindb.calcite.functions.CatalogFunction.Kind;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.util.Optionality;

/**
 * An aggregate (or window-only) function of DuckDB's catalog, typed by DuckDB. It may carry an ORDER BY
 * of its own ({@code string_agg(x, ',' ORDER BY x)}) and a FILTER, as in DuckDB. Its kind is
 * OTHER_FUNCTION, so no rule splits it into partial and final aggregates: only the aggregates known to
 * merge are split (see the rules' AggregateSplitRule).
 */
public final class DuckDbAggregateFunction extends SqlAggFunction {
    private final CatalogFunction function;

    DuckDbAggregateFunction(CatalogFunction function, DuckDbCallTyping typing) {
        super(function.name(), null, SqlKind.OTHER_FUNCTION, typing, typing, typing, SqlFunctionCategory.SYSTEM, false,
                function.kind() == Kind.WINDOW, function.macro() ? Optionality.FORBIDDEN : Optionality.OPTIONAL);
        this.function = function;
    }

    public CatalogFunction catalogFunction() {
        return function;
    }

    /** DuckDB takes no FILTER (nor DISTINCT, nor ORDER BY) on an aggregate that is a macro ({@code geomean}). */
    @Override
    public boolean allowsFilter() {
        return !function.macro();
    }

    @Override
    public Optionality getDistinctOptionality() {
        return function.macro() ? Optionality.FORBIDDEN : Optionality.OPTIONAL;
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
