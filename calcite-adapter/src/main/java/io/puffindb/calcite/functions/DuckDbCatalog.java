package io.puffindb.calcite.functions;

import io.puffindb.calcite.functions.CatalogFunction.Kind;
import io.puffindb.calcite.functions.CatalogFunction.Signature;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB's scalar, aggregate, window functions and macros as its own catalog lists them
 * ({@code duckdb_functions()}), read once from an in-memory DuckDB of the version the engines run.
 * Only names a function call can be written with are kept (operators such as {@code ~~} are not), and
 * not DuckDB's internal ones ({@code __internal_...}).
 */
public final class DuckDbCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbCatalog.class);
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String QUERY = """
            SELECT function_name, function_type, parameter_types, varargs, return_type, stability
            FROM duckdb_functions()
            WHERE function_type IN ('scalar', 'aggregate', 'window', 'macro') AND schema_name IN ('main', 'pg_catalog')
            ORDER BY function_name, function_oid""";

    private final Map<String, CatalogFunction> functions;

    private DuckDbCatalog(Map<String, CatalogFunction> functions) {
        this.functions = Map.copyOf(functions);
    }

    /** Reads the catalog of the DuckDB in {@code connection}. */
    static DuckDbCatalog read(Connection connection) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(QUERY)) {
            while (result.next()) {
                String name = result.getString(1).toLowerCase(Locale.ROOT);
                if (FUNCTION_NAME.matcher(name).matches() && !name.startsWith("__internal")) {
                    rows.computeIfAbsent(name, key -> new ArrayList<>()).add(new Row(result.getString(2), "VOLATILE".equals(result.getString(6)), new Signature(
                            strings(result.getArray(3)), result.getString(4), result.getString(5))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read DuckDB's function catalog", e);
        }
        Map<String, CatalogFunction> functions = new LinkedHashMap<>();
        rows.forEach((name, overloads) -> functions.put(name, function(connection, name, overloads)));
        LOG.debug("DuckDB's catalog lists {} function names", functions.size());
        return new DuckDbCatalog(functions);
    }

    public Optional<CatalogFunction> find(String name) {
        return Optional.ofNullable(functions.get(name.toLowerCase(Locale.ROOT)));
    }

    public Collection<CatalogFunction> functions() {
        return functions.values();
    }

    private static CatalogFunction function(Connection connection, String name, List<Row> overloads) {
        // A name may be both a built-in and a macro (current_schema): the built-in decides the kind.
        List<Row> builtIns = overloads.stream().filter(row -> !row.type().equals("macro")).toList();
        List<Row> chosen = builtIns.isEmpty() ? overloads : builtIns;
        Kind kind = switch (chosen.get(0).type()) {
            case "aggregate" -> Kind.AGGREGATE;
            case "window" -> Kind.WINDOW;
            case "macro" -> macroIsAggregate(connection, name, chosen.get(0).signature().parameterTypes().size()) ? Kind.AGGREGATE : Kind.SCALAR;
            default -> Kind.SCALAR;
        };
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Row row : chosen) {
            int count = row.signature().parameterTypes().size();
            min = Math.min(min, count);
            max = row.signature().varargs() != null || max == CatalogFunction.ANY_NUMBER ? CatalogFunction.ANY_NUMBER : Math.max(max, count);
        }
        return new CatalogFunction(name, kind, builtIns.isEmpty(), min, max, chosen.stream().anyMatch(Row::volatile_), chosen.stream().map(Row::signature).toList());
    }

    /**
     * A macro is an aggregate when its body aggregates ({@code geomean} is {@code exp(avg(ln(x)))}): DuckDB
     * then refuses a plain column beside it without GROUP BY, as it would beside any aggregate.
     */
    private static boolean macroIsAggregate(Connection connection, String name, int arguments) {
        String nulls = String.join(", ", Collections.nCopies(arguments, "NULL"));
        try (PreparedStatement statement = connection.prepareStatement("SELECT k, " + name + "(" + nulls + ") FROM (SELECT 1 AS k) AS t")) {
            return false;
        } catch (SQLException e) {
            return e.getMessage() != null && e.getMessage().contains("must appear in the GROUP BY clause");
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(value -> value == null ? "NULL" : value.toString())
                .collect(Collectors.toList());
    }

    private record Row(String type, boolean volatile_, Signature signature) {
    }
}
