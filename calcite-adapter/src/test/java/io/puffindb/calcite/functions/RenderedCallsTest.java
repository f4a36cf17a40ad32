package io.puffindb.calcite.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.PuffinException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's functions validate, type and render back as written: the rendered SQL gives DuckDB's answer
 * to the original text (values, types and column names) in a DuckDB of its own.
 */
class RenderedCallsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "select levenshtein('duck', 'db') as l",
        "select datediff('day', date '2020-01-01', date '2020-03-01') as d",
        "select date_diff('day', date '2020-01-01', date '2020-03-01') as d",
        "select first(x order by y desc) as f, last(x order by y) as l from (values ('b', 1), ('aa', null), ('c', 3)) t(x, y)",
        "select y > 1 as k, first(x order by y desc) filter (where x <> 'c') as f from (values ('b', 1), ('aa', null), ('c', 3)) t(x, y) group by all order by k",
        "select strftime(date '2020-01-01', '%Y/%m') as s",
        "select regexp_matches('abc', 'b.') as m, regexp_replace('abc', 'b', 'x') as r",
        "select string_agg(x, ',' order by x desc) as s from (values ('b'), ('aa'), (null)) t(x)",
        "select string_agg(x) as s from (values ('b'), ('aa')) t(x)",
        "select count(*) filter (where y > 1) as c, string_agg(x, '-') filter (where y > 1) as s from (values ('b', 1), ('aa', 2), ('c', 3)) t(x, y)",
        "select round(2.345, 2) as a, round(25.5, -1) as b, upper('a') as c",
        "select geomean(x) as g, bit_count(42) as b from (values (2.0), (8.0)) t(x)",
        "select length('abc') + 1 as l, strpos('abc', 'c') as p, mod(7, 2) as m, sqrt(16.0) as s",
        "select date_part('year', date '2020-05-01') as y, ltrim('xxa', 'x') as t, to_timestamp(0) as ts",
        "select x, geomean(x) over () as g, string_agg(cast(x as varchar), ',') over (order by x) as s from (values (2.0), (8.0)) t(x)",
    })
    void answersAsDuckDbDoes(String sql) throws Exception {
        String rendered = Rendered.duckDbSql(sql);
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            assertEquals(answer(duckDb, sql), answer(duckDb, rendered), rendered);
        }
    }

    @Test
    void aTypePuffinDbCannotCarryIsAValidationErrorNamingIt() {
        PuffinException error = org.junit.jupiter.api.Assertions.assertThrows(PuffinException.class,
                () -> Rendered.plan("select hash(1) as h"));
        assertTrue(error.getMessage().contains("hash(...) is of type UBIGINT in DuckDB, which PuffinDB does not support yet"),
                error.getMessage());
    }

    @Test
    void argumentsDuckDbRefusesAreAValidationErrorWithDuckDbsReason() {
        PuffinException error = org.junit.jupiter.api.Assertions.assertThrows(PuffinException.class,
                () -> Rendered.plan("select levenshtein(1, 'db')"));
        assertTrue(error.getMessage().contains("Error at line 1, column 8: levenshtein: Binder Error: No function matches"), error.getMessage());
    }

    @Test
    void filterOnAMacroAggregateIsRefusedAsDuckDbRefusesIt() {
        PuffinException error = org.junit.jupiter.api.Assertions.assertThrows(PuffinException.class,
                () -> Rendered.plan("select geomean(x) filter (where x > 1) from (values (2.0)) t(x)"));
        assertTrue(error.getMessage().contains("Error at line 1, column 8: geomean is a macro in DuckDB, which takes no FILTER or ORDER BY on it"),
                error.getMessage());
    }

    private static List<String> answer(Connection duckDb, String sql) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Statement statement = duckDb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            StringBuilder header = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.append(meta.getColumnName(i)).append(':').append(meta.getColumnTypeName(i)).append('\t');
            }
            lines.add(header.toString());
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(result.getString(i)).append('\t');
                }
                lines.add(row.toString());
            }
        }
        return lines;
    }
}
