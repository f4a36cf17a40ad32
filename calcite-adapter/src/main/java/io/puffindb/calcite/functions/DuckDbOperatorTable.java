package io.puffindb.calcite.functions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's operators first, then every function of DuckDB's catalog for the names Calcite lacks.
 * Calcite's own function of a name keeps precedence where it answers as DuckDB does: the planner knows
 * it (splits SUM, COUNT, AVG, reads EXTRACT, folds CASTs). Where it does not ({@link #DUCKDB_FIRST},
 * found by CatalogCoverageTest), DuckDB's function is used instead.
 */
public final class DuckDbOperatorTable implements SqlOperatorTable {
    /**
     * Names Calcite has, typed or taking arguments unlike DuckDB: lengths and positions are BIGINTs in
     * DuckDB (INTEGERs in Calcite); {@code mod} of FLOATs is a FLOAT (Calcite: a DECIMAL); Calcite's
     * {@code date_part} fails on a part that is not a time unit keyword; {@code ltrim}/{@code rtrim} take the
     * characters to trim and {@code json_type} a path; {@code to_timestamp} takes epoch seconds; Calcite
     * writes {@code sqrt(x)} as {@code POWER(x, 0.5)} (NaN where DuckDB's sqrt of a negative number errs);
     * Calcite's {@code first}/{@code last} are MATCH_RECOGNIZE's navigation functions, DuckDB's are aggregates.
     */
    static final Set<String> DUCKDB_FIRST = Set.of("char_length", "character_length", "length", "octet_length", "strpos", "mod",
            "date_part", "ltrim", "rtrim", "json_type", "to_timestamp", "sqrt", "first", "last");

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
        if (name == null || !DUCKDB_FIRST.contains(name)) {
            calcite.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        }
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
