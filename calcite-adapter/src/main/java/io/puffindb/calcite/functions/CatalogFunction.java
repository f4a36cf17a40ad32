package io.puffindb.calcite.functions;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One function name of DuckDB's catalog ({@code duckdb_functions()}), all its overloads together:
 * which kind of function it is, whether it is a macro (SQL that DuckDB expands in place), how many
 * arguments it takes, whether two calls with the same arguments may differ ({@code random()}:
 * {@code volatile_}) and the declared signatures.
 */
public record CatalogFunction(String name, Kind kind, boolean macro, int minArguments, int maxArguments, boolean volatile_,
        List<Signature> signatures) {
    /** What a call of the function is to the validator. */
    public enum Kind {
        SCALAR,
        AGGREGATE,
        /** Only over a window ({@code fill}, {@code rank_dense}...). */
        WINDOW
    }

    /** One overload as the catalog declares it; macros declare no types (null). */
    public record Signature(List<String> parameterTypes, String varargs, String returnType) {
        public Signature {
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /** An unbounded argument count (varargs). */
    public static final int ANY_NUMBER = -1;

    public CatalogFunction {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        signatures = List.copyOf(signatures);
    }
}
