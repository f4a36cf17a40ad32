package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.demo.GenerationProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI prints values as DuckDB's own CLI does: DuckDB's cast to VARCHAR is the oracle. */
class DuckDbTextTest {
    @TempDir
    Path lake;

    @Test
    void doublesAndFloatsReadAsDuckDbWritesThem() throws Exception {
        List<Double> doubles = new ArrayList<>(List.of(20.0, 1e20, 1e15, 1e16, 1e-4, 1e-5, 1.5e-7, 0.1, 1.0 / 3, -0.0, 0.0, 123456789.125,
                Double.MAX_VALUE, Double.MIN_VALUE, -2.5e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            doubles.add(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)) * (random.nextBoolean() ? 1 : -1));
            doubles.add((double) random.nextInt(-1_000_000, 1_000_000));
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement asDouble = duckdb.prepareStatement("SELECT CAST(CAST(? AS DOUBLE) AS VARCHAR)");
                PreparedStatement asFloat = duckdb.prepareStatement("SELECT CAST(CAST(? AS FLOAT) AS VARCHAR)")) {
            for (double value : doubles) {
                assertEquals(duckDb(asDouble, value), DuckDbText.ofDouble(value), "DOUBLE " + value);
                float single = (float) value;
                if (Float.isFinite(single) && single != 0) {
                    // DuckDB's FLOAT text is the shortest in most cases but not all (-4021371.25 where -4021371.2
                    // reads back the same): ours is the shortest, and never longer than DuckDB's.
                    String duckDbText = duckDb(asFloat, single);
                    String ours = DuckDbText.ofFloat(single);
                    assertEquals(single, Float.parseFloat(ours), "FLOAT " + single + " reads back");
                    assertTrue(ours.length() <= duckDbText.length(), ours + " vs DuckDB's " + duckDbText);
                }
            }
        }
    }

    @Test
    void floatsAsDuckDbWritesThem() {
        assertEquals("3.4", DuckDbText.ofFloat(3.4f));
        assertEquals("1000000000000000.0", DuckDbText.ofFloat(1e15f), "Java 17 says 9.9999999E14");
        assertEquals("1e+20", DuckDbText.ofFloat(1e20f));
        assertEquals("inf", DuckDbText.ofFloat(Float.POSITIVE_INFINITY));
    }

    private static String duckDb(PreparedStatement cast, double value) throws Exception {
        cast.setDouble(1, value);
        try (ResultSet result = cast.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void theCliPrintsTheServicesAnswerAsDuckDbsCliWould() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 1), GenerationProgress.SILENT)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            QueryCommand command = new QueryCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, java.util.Optional.empty());
            String sql = "SELECT CAST(20.0 AS DOUBLE) AS d, CAST(1e20 AS DOUBLE) AS big, CAST(0.10 AS DECIMAL(4,2)) AS m, "
                    + "TIMESTAMP '1995-01-01 10:00:00' AS t, TIMESTAMP '1995-01-01 10:00:00.5' AS tf, DATE '1995-01-01' AS dt";
            assertEquals(0, command.run(sql, "http://127.0.0.1:" + service.port(), Duration.ofMinutes(1)));
            String printed = out.toString(StandardCharsets.UTF_8);
            String row = printed.lines().filter(line -> line.contains("1995-01-01")).findFirst().orElseThrow(() -> new AssertionError(printed));
            List<String> cells = List.of(row.substring(1, row.length() - 1).split("\\|")).stream().map(String::strip).toList();
            assertEquals(List.of("20.0", "1e+20", "0.10", "1995-01-01 10:00:00", "1995-01-01 10:00:00.5", "1995-01-01"), cells, printed);
            assertTrue(printed.contains("1 row"), printed);
        }
    }
}
