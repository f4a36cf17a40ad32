package io.puffindb.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.calcite.parser.PuffinSqlParserImpl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only the words DuckDB reserves are reserved: every word DuckDB's {@code duckdb_keywords()} does not
 * reserve, and every word of Calcite's grammar that DuckDB does not know as a keyword at all, is tried
 * as an alias, a column name, a bare alias and a table alias. Wherever DuckDB itself reads the word as
 * that name (it answers, and names its column as expected), PuffinDB must parse and validate the query
 * and name its column the same.
 */
class DuckDbKeywordsTest {
    /** The probes: {@code %s} is the word; each expects DuckDB's only column to be named {@code name}. */
    private record Probe(String template, boolean columnIsTheWord) {
        String sql(String word) {
            return template.replace("%s", word);
        }

        String expectedName(String word) {
            return columnIsTheWord ? word : "x";
        }
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("select 1 as %s", true),
            new Probe("select %s from (select 1 as %s)", true),
            new Probe("select 1 %s", true),
            new Probe("select %s.x from (select 1 as x) as %s", false));

    /**
     * Words DuckDB reads as names that PuffinDB still cannot, each with the reason. The test fails when
     * one of them starts to work, so the list never holds a word that no longer needs to be here.
     */
    private static final Map<String, String> EXCEPTIONS = new TreeMap<>(Map.of(
            "through", "PuffinDB's own clause: SELECT x THROUGH 'endpoint' must never read THROUGH as an alias",
            "interval", "starts INTERVAL '1' DAY literals and the interval arguments of Calcite's functions: as a name, the generated parser does not compile",
            "permute", "starts PERMUTE(...) in MATCH_RECOGNIZE patterns: as a name, the generated parser does not compile",
            "partition", "starts PARTITION BY in a window: over (partition by k) would read it as the name of a window",
            "skip", "its token is SKIP_ (SKIP is a JavaCC word), which Calcite's keyword lists cannot name",
            "match_recognize", "a table reference followed by MATCH_RECOGNIZE would read it as the table's alias",
            "minus", "Calcite's set operator (select 1 minus select 2) would read it as an alias",
            "unknown", "Calcite's grammar reads a bare UNKNOWN as the boolean literal",
            "user", "the SQL USER function, which PuffinDB refuses (no SQL session); Calcite resolves it before columns"));

    private static Connection duckDb;
    private static SqlFrontEnd frontEnd;

    @BeforeAll
    static void start() throws SQLException {
        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        frontEnd = EmptyLake.frontEnd();
    }

    @AfterAll
    static void stop() throws SQLException {
        duckDb.close();
    }

    @Test
    void everyWordDuckDbReadsAsANameIsANameHere() throws SQLException {
        List<String> failures = new ArrayList<>();
        List<String> stillNeeded = new ArrayList<>();
        int checked = 0;
        for (String word : wordsToTry()) {
            List<String> wordFailures = new ArrayList<>();
            for (Probe probe : PROBES) {
                String sql = probe.sql(word);
                if (!probe.expectedName(word).equals(duckDbColumnName(sql))) {
                    continue; // DuckDB refuses it, or reads the word as something else (1 isnull)
                }
                checked++;
                String problem = puffinProblem(sql, probe.expectedName(word));
                if (problem != null) {
                    wordFailures.add(sql + " -> " + problem);
                }
            }
            if (EXCEPTIONS.containsKey(word)) {
                if (!wordFailures.isEmpty()) {
                    continue;
                }
                stillNeeded.add(word);
            }
            failures.addAll(wordFailures);
        }
        assertTrue(checked > 1000, "too few probes DuckDB answers: " + checked);
        assertEquals(List.of(), stillNeeded, "these words work now: remove them from EXCEPTIONS");
        assertEquals(0, failures.size(), failures.size() + " probes fail:\n" + String.join("\n", failures));
    }

    // DuckDB's non-reserved keywords, then the words our grammar reserves that are no DuckDB keyword at all.
    private static TreeSet<String> wordsToTry() throws SQLException {
        TreeSet<String> words = new TreeSet<>();
        TreeSet<String> duckDbKeywords = new TreeSet<>();
        try (Statement statement = duckDb.createStatement();
                ResultSet rows = statement.executeQuery("select keyword_name, keyword_category from duckdb_keywords()")) {
            while (rows.next()) {
                duckDbKeywords.add(rows.getString(1));
                if (!rows.getString(2).equals("reserved")) {
                    words.add(rows.getString(1));
                }
            }
        }
        SqlAbstractParserImpl.Metadata metadata = new PuffinSqlParserImpl(new java.io.StringReader("")).getMetadata();
        for (String token : metadata.getTokens()) {
            String word = token.toLowerCase(Locale.ROOT);
            if (metadata.isReservedWord(token) && word.matches("[a-z_]+") && !duckDbKeywords.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static String duckDbColumnName(String sql) {
        try (Statement statement = duckDb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.getMetaData().getColumnCount() == 1 ? rows.getMetaData().getColumnName(1) : null;
        } catch (SQLException refused) {
            return null;
        }
    }

    // Null when PuffinDB validates the query and names its column as DuckDB does, else what went wrong.
    private static String puffinProblem(String sql, String expectedName) {
        try {
            LogicalPlan plan = frontEnd.toLogicalPlan(frontEnd.parse(sql), new VolcanoPlanner(), DefaultRelMetadataProvider.INSTANCE, List.of());
            List<String> names = plan.columnNames();
            return names.equals(List.of(expectedName)) ? null : "named " + names;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        }
    }
}
