package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.demo.GenerationProgress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code puffindb query -f FILE --format csv|json}: a script's statements run in order, and each answer
 * read back from its CSV (or JSON) holds DuckDB alone's values as DuckDB prints them (its cast to
 * VARCHAR), NULL told apart from '' and from the text 'NULL'.
 */
class QueryScriptTest {
    @TempDir
    static Path folder;
    static EmbeddedService service;
    static final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    // The second statement holds a ';' in a string and the script a comment with one: neither ends a statement.
    static final String NATIONS = "select n_nationkey, n_name, n_comment from nation order by n_nationkey";
    static final String ODD_TEXT = "select 'a;b' as s, cast(null as varchar) as nothing, '' as empty, 'NULL' as word, 'say \"hi\", twice' as quoted,"
            + " o_totalprice, o_orderdate from orders where o_orderkey = 1";
    static final String SCRIPT = NATIONS + ";\n-- the next one; with care\n" + ODD_TEXT + "\n;\n";

    @BeforeAll
    static void start() {
        service = EmbeddedService.start(PuffinConfig.embedded(folder.resolve("lake"), 0, 1), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** Runs {@code puffindb query} with these arguments against the service; its exit code and standard output. */
    static String cli(int expectedExit, String... arguments) throws Exception {
        return new String(cliBytes(expectedExit, arguments), StandardCharsets.UTF_8);
    }

    /** Runs {@code puffindb query} with these arguments against the service; its standard output's bytes. */
    static byte[] cliBytes(int expectedExit, String... arguments) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            List<String> args = new ArrayList<>(List.of("query", "--server", "http://127.0.0.1:" + service.port()));
            args.addAll(List.of(arguments));
            exit = Main.run(args);
        } finally {
            System.setOut(original);
        }
        assertEquals(expectedExit, exit, out.toString(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** DuckDB alone over the lake's files, with each table a view named as the service names it. */
    static Connection duckDbOverLake() throws Exception {
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            for (String table : List.of("nation", "orders")) {
                statement.execute("create view " + table + " as select * from read_parquet('" + folder.resolve("lake").resolve("tpch").resolve(table)
                        + "/*.parquet')");
            }
        }
        return duckdb;
    }

    /** DuckDB alone over the lake's files: the header, then each row's values as DuckDB's cast to VARCHAR writes them (null for NULL). */
    static List<List<String>> duckDb(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection duckdb = duckDbOverLake(); Statement statement = duckdb.createStatement()) {
            List<String> header = new ArrayList<>();
            try (ResultSet columns = statement.executeQuery("select * from (" + sql + ") limit 0")) {
                for (int i = 1; i <= columns.getMetaData().getColumnCount(); i++) {
                    header.add(columns.getMetaData().getColumnName(i));
                }
            }
            String casts = String.join(", ", header.stream().map(name -> "cast(\"" + name + "\" as varchar) as \"" + name + "\"").toList());
            try (ResultSet result = statement.executeQuery("select " + casts + " from (" + sql + ")")) {
                rows.add(header);
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= header.size(); i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Test
    void aScriptsStatementsPrintAsCsvThatReadsBackAsDuckDbsValues() throws Exception {
        Path script = Files.writeString(folder.resolve("two.sql"), SCRIPT);
        List<List<String>> records = CsvRecords.parse(cli(0, "-f", script.toString(), "--format", "csv"));
        List<List<String>> nations = duckDb(NATIONS);
        List<List<String>> odd = duckDb(ODD_TEXT);
        assertEquals(nations.size() + odd.size(), records.size(), "both answers, each with its header");
        assertEquals(nations, records.subList(0, nations.size()));
        assertEquals(odd, records.subList(nations.size(), records.size()));
        List<String> oddRow = records.get(records.size() - 1);
        assertEquals(null, oddRow.get(1));
        assertEquals("", oddRow.get(2));
        assertEquals("NULL", oddRow.get(3));
    }

    @Test
    void aUseHoldsForTheScriptsLaterStatements() throws Exception {
        Path script = Files.writeString(folder.resolve("use.sql"), "use misc;\nselect count(*) as people from people;\nselect count(*) as cities from cities;\n");
        List<List<String>> records = CsvRecords.parse(cli(0, "-f", script.toString(), "--format", "csv"));
        assertEquals(List.of(List.of("schema"), List.of("misc"), List.of("people"), List.of(miscRows("people")), List.of("cities"), List.of(miscRows("cities"))),
                records);
    }

    private static String miscRows(String table) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from read_parquet('" + folder.resolve("lake").resolve("misc").resolve(table)
                        + "/*.parquet')")) {
            count.next();
            return count.getString(1);
        }
    }

    @Test
    void jsonIsAnArrayOfObjectsWithBareNumbersAndNulls() throws Exception {
        JsonNode answer = json.readTree(cli(0, "--format", "json", ODD_TEXT));
        List<String> expected = duckDb(ODD_TEXT).get(1);
        assertEquals(1, answer.size());
        JsonNode row = answer.get(0);
        assertEquals(expected.get(0), row.get("s").asText());
        assertTrue(row.get("nothing").isNull());
        assertEquals("NULL", row.get("word").asText());
        assertTrue(row.get("o_totalprice").isBigDecimal(), "a DECIMAL is a bare number with its digits");
        assertEquals(expected.get(5), row.get("o_totalprice").decimalValue().toPlainString());
        assertEquals(expected.get(6), row.get("o_orderdate").asText());
    }

    @Test
    void arrowIsTheAnswersIpcStreamWithDuckDbsSchemaAndValues() throws Exception {
        String sql = "select n_nationkey, n_name, o_totalprice, o_orderdate from nation join orders on o_orderkey = n_nationkey + 1 order by n_nationkey";
        byte[] answer = cliBytes(0, "--format", "arrow", sql);
        try (BufferAllocator allocator = new RootAllocator();
                ArrowStreamReader cli = new ArrowStreamReader(new ByteArrayInputStream(answer), allocator);
                Connection duckdb = duckDbOverLake();
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql);
                ArrowReader alone = (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, 65_536)) {
            assertEquals(alone.getVectorSchemaRoot().getSchema(), cli.getVectorSchemaRoot().getSchema(), "names and Arrow types as DuckDB's");
            assertEquals(allRows(alone), allRows(cli));
        }
    }

    @Test
    void arrowTakesOneStatementOnly() throws Exception {
        Path script = Files.writeString(folder.resolve("two-for-arrow.sql"), SCRIPT);
        assertEquals(0, cliBytes(2, "-f", script.toString(), "--format", "arrow").length, "nothing written");
    }

    @Test
    void versionNamesTheBuildAndItsEngines() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(List.of("--version")));
        } finally {
            System.setOut(original);
        }
        String version = out.toString(StandardCharsets.UTF_8);
        assertTrue(version.matches("PuffinDB \\S+ \\(DuckDB \\d\\S*, Apache Calcite \\d\\S*, Apache Arrow \\d\\S*\\)\\R"), version);
    }

    private static String allRows(ArrowReader reader) throws Exception {
        StringBuilder rows = new StringBuilder();
        while (reader.loadNextBatch()) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            for (int row = 0; row < batch.getRowCount(); row++) {
                for (FieldVector column : batch.getFieldVectors()) {
                    rows.append(column.getObject(row)).append('|');
                }
                rows.append('\n');
            }
        }
        return rows.toString();
    }

    @Test
    void theFirstFailingStatementStopsTheScriptWithItsExitCode() throws Exception {
        Path script = Files.writeString(folder.resolve("broken.sql"), "select 1 as one;\nselect * from no_such_table;\nselect 2 as two;\n");
        String out = cli(1, "-f", script.toString(), "--format", "csv");
        assertEquals(List.of(List.of("one"), List.of("1")), CsvRecords.parse(out), "the third statement never ran");
    }
}
