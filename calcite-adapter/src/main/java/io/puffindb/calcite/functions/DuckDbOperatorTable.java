package io.puffindb.calcite.functions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's operators first, then every function of DuckDB's catalog for the names Calcite lacks.
 * Calcite's own function of a name keeps precedence: the planner knows it (splits SUM, COUNT, AVG,
 * reads EXTRACT, folds CASTs), and PuffinTypeSystem and the dialect make it type and render as DuckDB's.
 */
public final class DuckDbOperatorTable implements SqlOperatorTable {
    private final SqlOperatorTable calcite;
    private final DuckDbFunctions duckDb;

    private DuckDbOperatorTable(SqlOperatorTable calcite, DuckDbFunctions duckDb) {
        this.calcite = requireNonNull(calcite, "calcite is null");
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
    }

    /** {@code calcite}'s operators, then DuckDB's functions for the names it lacks. */
    public static SqlOperatorTable over(SqlOperatorTable calcite) {
        return new DuckDbOperatorTable(calcite, DuckDbFunctions.get());
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category, SqlSyntax syntax,
            List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        boolean function = syntax == SqlSyntax.FUNCTION && opName.isSimple();
        String name = function ? opName.getSimple().toLowerCase(Locale.ROOT) : null;
        int before = operatorList.size();
        calcite.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        if (name != null && operatorList.size() == before) {
            duckDb.operator(name).ifPresent(operatorList::add);
        }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> operators = new ArrayList<>(calcite.getOperatorList());
        duckDb.operators().forEach(operators::add);
        return operators;
    }
}
