package io.puffindb.lake.demo;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Small hand-made tables for the cases TPC-H cannot exercise: NULLs on both sides of joins, an empty
 * table, odd strings, nested types, a table split over two files. Written deterministically through DuckDB into
 * {@code <lake>/misc/<table>/}: the demo lake holds them beside TPC-H, so that the regression suite
 * runs whole against the embedded default.
 */
public final class MiscLakeGenerator {
    /** The schema folder the tables go in, and the schema queries name them by. */
    public static final String SCHEMA = "misc";

    private static final Map<String, String[]> TABLES = Map.of(
            "people", new String[] {"""
                    SELECT * FROM (VALUES
                      (1, 'Ada', 'London', 36, DATE '1815-12-10'),
                      (2, 'Édouard', 'Paris', NULL, DATE '1900-01-01'),
                      (3, 'straße', NULL, 41, NULL),
                      (4, 'O''Brien', 'Dublin', 29, DATE '1995-06-30'),
                      (5, '', 'London', NULL, DATE '2000-02-29'),
                      (6, NULL, 'Tōkyō', 52, DATE '1970-01-01'))
                      AS t(id, name, city, age, born)"""},
            "visits", new String[] {"""
                    SELECT * FROM (VALUES
                      (1, 1, CAST(10.50 AS DECIMAL(10,2)), TIMESTAMP '2024-01-01 10:00:00'),
                      (2, 1, CAST(3.25 AS DECIMAL(10,2)), TIMESTAMP '2024-01-02 11:30:00'),
                      (3, 2, NULL, TIMESTAMP '2024-02-29 23:59:59'),
                      (4, 4, CAST(99999999.99 AS DECIMAL(10,2)), NULL))
                      AS t(id, person_id, amount, visited_at)""", """
                    SELECT * FROM (VALUES
                      (5, NULL, CAST(1.00 AS DECIMAL(10,2)), TIMESTAMP '2023-12-31 00:00:00'),
                      (6, 7, CAST(0.01 AS DECIMAL(10,2)), TIMESTAMP '2024-03-01 08:15:00'),
                      (7, 4, CAST(-5.00 AS DECIMAL(10,2)), TIMESTAMP '2024-03-02 09:00:00'))
                      AS t(id, person_id, amount, visited_at)"""},
            "nothing", new String[] {"SELECT CAST(1 AS INTEGER) AS id, CAST('x' AS VARCHAR) AS label WHERE false"},
            // DuckDB's nested types: a LIST, a STRUCT, a MAP and a LIST of STRUCTs, with empty and NULL values at each level.
            "nested", new String[] {"""
                    SELECT * FROM (VALUES
                      (1, [1, 2, 3], {'who': 'Ada', 'score': CAST(9.5 AS DECIMAL(4,1))}, MAP {'a': 1, 'b': 2},
                        [{'k': 'x', 'on_date': DATE '2024-01-01'}]),
                      (2, CAST([] AS INTEGER[]), {'who': NULL, 'score': NULL}, CAST(MAP {} AS MAP(VARCHAR, INTEGER)),
                        [NULL, {'k': 'y', 'on_date': NULL}]),
                      (3, [NULL, 4], NULL, NULL, NULL))
                      AS t(id, xs, person, counts, events)"""},
            "cities", new String[] {"""
                    SELECT * FROM (VALUES ('London', 'UK'), ('Paris', 'FR'), ('Dublin', 'IE'), ('Lima', 'PE'), (NULL, 'XX'))
                      AS t(city, country)"""},
            // Strings that trip up encoders and result files: the text 'NULL', control characters, quotes, non-BMP.
            "texts", new String[] {"""
                    SELECT * FROM (VALUES
                      (1, 'NULL'), (2, ''), (3, ' padded '), (4, 'tab' || chr(9) || 'here'), (5, 'new' || chr(10) || 'line'),
                      (6, '"quoted"'), (7, 'back\\slash'), (8, '日本語'), (9, '😀 emoji'), (10, 'under_score'), (11, 'a'),
                      (12, NULL), (13, 'ǆemal'), (14, 'İstanbul'))
                      AS t(id, t)"""});

    private MiscLakeGenerator() {
    }

    /** The names of the tables, sorted. */
    public static List<String> tableNames() {
        return TABLES.keySet().stream().sorted().toList();
    }

    /**
     * Writes the tables missing under {@code lakeRoot/misc}, one Parquet file per SELECT. Tables already
     * there are left alone, so that a running service's files do not change under it; each table is
     * written under a temporary name and renamed, so an interrupted run leaves no half table.
     */
    public static void writeMissing(Path lakeRoot, GenerationProgress progress) {
        requireNonNull(progress, "progress is null");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            for (String table : tableNames()) {
                Path folder = lakeRoot.resolve(SCHEMA).resolve(table);
                if (Files.isDirectory(folder)) {
                    continue;
                }
                Path staging = folder.resolveSibling("." + table + ".generating");
                StagingFolders.deleteRecursively(staging);
                Files.createDirectories(staging);
                String[] parts = TABLES.get(table);
                long rows = 0;
                for (int part = 0; part < parts.length; part++) {
                    rows += rowCount(statement, parts[part]);
                    statement.execute(format("COPY (%s) TO %s (FORMAT parquet)", parts[part],
                            SqlLiterals.string(staging.resolve("part-" + part + ".parquet").toString())));
                }
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
                progress.rowsWritten(SCHEMA + "." + table, rows, rows);
            }
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Generating the misc tables failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long rowCount(Statement statement, String select) throws SQLException {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM (" + select + ")")) {
            count.next();
            return count.getLong(1);
        }
    }
}
