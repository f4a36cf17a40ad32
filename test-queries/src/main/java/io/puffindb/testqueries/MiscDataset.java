package io.puffindb.testqueries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

/**
 * Small hand-made tables for the cases TPC-H cannot exercise: NULLs on both sides of joins, an empty
 * table, odd strings, a table split over two files. Written deterministically through DuckDB into
 * {@code <lake>/misc/<table>/}.
 */
public final class MiscDataset {
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

    private MiscDataset() {
    }

    /**
     * Writes the tables missing under {@code lakeRoot/misc}; one Parquet file per SELECT. Tables already
     * there are left alone, so that a running service's files do not change under it.
     */
    public static void writeMissing(Path lakeRoot) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            for (Map.Entry<String, String[]> table : TABLES.entrySet()) {
                Path folder = lakeRoot.resolve("misc").resolve(table.getKey());
                if (Files.isDirectory(folder)) {
                    continue;
                }
                Files.createDirectories(folder);
                String[] parts = table.getValue();
                for (int part = 0; part < parts.length; part++) {
                    statement.execute("COPY (" + parts[part] + ") TO '" + folder.resolve("part-" + part + ".parquet") + "' (FORMAT parquet)");
                }
            }
        }
    }
}
