package io.puffindb.calcite.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.calcite.DuckDbTypes;
import io.puffindb.calcite.LogicalPlan;
import io.puffindb.calcite.functions.CatalogFunction.Kind;
import io.puffindb.calcite.functions.CatalogFunction.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.junit.jupiter.api.Test;

/**
 * Generated from DuckDB's catalog: every scalar and aggregate function name with a signature PuffinDB can
 * carry (its parameter and return types) validates when called with typed NULLs, and its rendered SQL
 * binds in DuckDB to the same type as the original text. The names that do not are listed with the reason.
 */
class CatalogCoverageTest {
    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();

    /** Names whose representable signature does not validate or render as DuckDB's, and why. */
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("current_schema", "grammar: CURRENT_SCHEMA takes no parentheses in Calcite's grammar"),
            Map.entry("overlay", "grammar: OVERLAY takes PLACING ... FROM ... in Calcite's grammar, not commas"),
            Map.entry("trim", "grammar: TRIM takes [BOTH] chars FROM s in Calcite's grammar, not commas"),
            Map.entry("count", "Calcite's COUNT is kept (the planner splits and merges it); DuckDB's count() without arguments is count(*)"),
            Map.entry("sum", "Calcite's SUM is kept (the planner splits and merges it); it refuses BOOLEANs, which DuckDB sums"),
            Map.entry("least_common_multiple", "a HUGEINT is carried as DECIMAL(38,0), and DuckDB has no DECIMAL overload of it"),
            Map.entry("ceil", "Calcite's own CEIL folds ceil(NULL) to a NULL literal, rendered without its type (as are all typed NULLs)"),
            Map.entry("ceiling", "Calcite's own CEILING folds ceiling(NULL) to a NULL literal, rendered without its type"),
            Map.entry("floor", "Calcite's own FLOOR folds floor(NULL) to a NULL literal, rendered without its type"),
            Map.entry("current_date", "Calcite's own CURRENT_DATE, rendered without parentheses: the same DuckDB function"),
            Map.entry("substr", "Calcite's own SUBSTRING: the same DuckDB function under its other name"),
            Map.entry("year", "Calcite's own YEAR, rendered as EXTRACT(YEAR FROM x), which DuckDB answers alike (BIGINT)"),
            Map.entry("quarter", "Calcite's own QUARTER, rendered as EXTRACT(QUARTER FROM x), which DuckDB answers alike"),
            Map.entry("month", "Calcite's own MONTH, rendered as EXTRACT(MONTH FROM x), which DuckDB answers alike"),
            Map.entry("week", "Calcite's own WEEK, rendered as EXTRACT(WEEK FROM x), which DuckDB answers alike"),
            Map.entry("dayofmonth", "Calcite's own DAYOFMONTH, rendered as EXTRACT(DAY FROM x), which DuckDB answers alike"),
            Map.entry("dayofweek", "Calcite's own DAYOFWEEK, rendered as EXTRACT(DOW FROM x), which DuckDB answers alike"),
            Map.entry("dayofyear", "Calcite's own DAYOFYEAR, rendered as EXTRACT(DOY FROM x), which DuckDB answers alike"),
            Map.entry("hour", "Calcite's own HOUR, rendered as EXTRACT(HOUR FROM x), which DuckDB answers alike"),
            Map.entry("minute", "Calcite's own MINUTE, rendered as EXTRACT(MINUTE FROM x), which DuckDB answers alike"),
            Map.entry("second", "Calcite's own SECOND, rendered as EXTRACT(SECOND FROM x), which DuckDB answers alike"),
            Map.entry("json_keys", "a wrong type, open: PuffinDB types json_keys(VARCHAR) as VARCHAR where DuckDB answers VARCHAR[]"));

    /** DuckDB's type names that PuffinDB's grammar spells otherwise. */
    private static final Map<String, String> PUFFINDB_SPELLING = Map.of("BLOB", "VARBINARY", "HUGEINT", "DECIMAL(38,0)", "FLOAT", "REAL");

    @Test
    void everyFunctionWithARepresentableSignatureValidatesAndRendersAsWritten() throws Exception {
        Map<String, String> failures = new TreeMap<>();
        int tried = 0;
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (CatalogFunction function : DuckDbFunctions.get().catalog().functions()) {
                Optional<Signature> signature = function.kind() == Kind.WINDOW ? Optional.empty()
                        : function.signatures().stream().filter(CatalogCoverageTest::representable).findFirst();
                if (signature.isEmpty()) {
                    continue;
                }
                String sql = call(function.name(), signature.get(), false);
                Optional<String> expected = typeOf(duckDb, sql);
                if (expected.isEmpty()) {
                    continue; // DuckDB itself refuses NULL there (a quantile, regex options)
                }
                tried++;
                try {
                    LogicalPlan plan = Rendered.plan(call(function.name(), signature.get(), true));
                    String actual = DuckDbTypeNames.of(plan.rowType().getFieldList().get(0).getType()).orElse("?");
                    String rendered = Rendered.duckDbSql(call(function.name(), signature.get(), true));
                    if (!sameType(expected.get(), actual)) {
                        failures.put(function.name(), "DuckDB types " + sql + " as " + expected.get() + ", PuffinDB as " + actual);
                    } else if (!rendered.toLowerCase(Locale.ROOT).contains(function.name() + "(")) {
                        failures.put(function.name(), sql + " is rendered as " + rendered);
                    }
                } catch (Exception | AssertionError e) {
                    failures.put(function.name(), sql + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                }
            }
        }
        System.out.printf("%d of %d function names tried, %d listed exceptions%n", tried, DuckDbFunctions.get().catalog().functions().size(),
                EXCEPTIONS.size());
        assertTrue(tried > 300, "only " + tried + " functions had a representable signature");
        Map<String, String> unexpected = new TreeMap<>(failures);
        unexpected.keySet().removeAll(EXCEPTIONS.keySet());
        List<String> fixed = new ArrayList<>(EXCEPTIONS.keySet());
        fixed.removeAll(failures.keySet());
        unexpected.forEach((name, why) -> System.out.println("UNEXPECTED " + name + " -> " + why));
        assertEquals(Map.of(), unexpected, "functions that fail (" + tried + " tried)");
        assertEquals(List.of(), fixed, "listed as exceptions but now work");
    }

    // A signature both DuckDB and PuffinDB's SQL can spell: TIMESTAMP WITH TIME ZONE and a list type (CAST(x AS VARCHAR[])) have no
    // spelling in PuffinDB's grammar yet, so a NULL of those types cannot be written as an argument.
    private static boolean representable(Signature signature) {
        List<String> types = new ArrayList<>(signature.parameterTypes());
        if (signature.varargs() != null) {
            types.add(signature.varargs());
        }
        return signature.returnType() != null && DuckDbTypes.fromDuckDbName(TYPES, signature.returnType()).isPresent()
                && types.stream().allMatch(type -> DuckDbTypes.fromDuckDbName(TYPES, type).isPresent() && !type.contains("TIME ZONE") && !type.contains("["));
    }

    /** A call with a typed NULL per parameter (one for varargs), in DuckDB's type names or PuffinDB's. */
    private static String call(String name, Signature signature, boolean puffinDbTypes) {
        List<String> types = new ArrayList<>(signature.parameterTypes());
        if (signature.varargs() != null) {
            types.add(signature.varargs());
        }
        List<String> arguments = new ArrayList<>();
        for (String type : types) {
            arguments.add("CAST(NULL AS " + (puffinDbTypes ? PUFFINDB_SPELLING.getOrDefault(type, type) : type) + ")");
        }
        return "select " + name + "(" + String.join(", ", arguments) + ") as r";
    }

    // HUGEINT is carried as DECIMAL(38,0).
    private static boolean sameType(String duckDb, String puffinDb) {
        return duckDb.equals(puffinDb) || duckDb.equals("HUGEINT") && puffinDb.equals("DECIMAL(38,0)");
    }

    private static Optional<String> typeOf(Connection duckDb, String sql) {
        try (PreparedStatement statement = duckDb.prepareStatement(sql)) {
            return Optional.of(statement.getMetaData().getColumnTypeName(1));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
