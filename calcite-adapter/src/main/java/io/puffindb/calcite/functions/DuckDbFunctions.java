package io.puffindb.calcite.functions;

import io.puffindb.calcite.functions.CatalogFunction.Kind;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlFunction;

/**
 * Every function of DuckDB's catalog as a Calcite operator, one per name (its overloads are DuckDB's
 * business: {@link DuckDbCallTyping} asks DuckDB's binder). Built once per process from the DuckDB the
 * engines run, on first use.
 */
public final class DuckDbFunctions {
    private final DuckDbCatalog catalog;
    private final Map<String, SqlFunction> operators;

    private DuckDbFunctions(DuckDbCatalog catalog, DuckDbBinder binder) {
        this.catalog = catalog;
        Map<String, SqlFunction> operators = new LinkedHashMap<>();
        for (CatalogFunction function : catalog.functions()) {
            DuckDbCallTyping typing = new DuckDbCallTyping(function, binder);
            operators.put(function.name(), function.kind() == Kind.SCALAR ? new DuckDbScalarFunction(function, typing)
                    : new DuckDbAggregateFunction(function, typing));
        }
        this.operators = Map.copyOf(operators);
    }

    /** The process's one set: reading the catalog takes a DuckDB start and a few hundred binds, so it is done once. */
    public static DuckDbFunctions get() {
        return Loaded.INSTANCE;
    }

    public DuckDbCatalog catalog() {
        return catalog;
    }

    /** DuckDB's function of that name (any case), if DuckDB has one. */
    public Optional<SqlFunction> operator(String name) {
        return Optional.ofNullable(operators.get(name.toLowerCase(Locale.ROOT)));
    }

    public Iterable<SqlFunction> operators() {
        return operators.values();
    }

    // Initialized on first use (the JVM's lazy class initialization), kept for the process: a memo of DuckDB's answers.
    private static final class Loaded {
        static final DuckDbFunctions INSTANCE = load();

        private static DuckDbFunctions load() {
            Connection connection = DuckDbEngine.open();
            return new DuckDbFunctions(DuckDbCatalog.read(connection), new DuckDbBinder(connection));
        }
    }
}
