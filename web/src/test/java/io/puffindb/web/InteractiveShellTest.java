package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.demo.GenerationProgress;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code puffindb query} with no SQL at a terminal: driven through a pseudo-terminal ({@code script}
 * from util-linux gives the CLI process one), the shell runs a statement typed over two lines and a
 * second one, printing both tables with DuckDB alone's values, times them after {@code .timer on}, and
 * lists the tables ({@code .tables}) and a table's columns ({@code \d region}).
 */
class InteractiveShellTest {
    @TempDir
    Path folder;

    @Test
    void theShellRunsTwoStatementsTypedAtATerminalAndPrintsBothTables() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(PuffinConfig.embedded(folder.resolve("lake"), 0, 1), GenerationProgress.SILENT)) {
            String cli = String.join(" ", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", "'" + System.getProperty("java.class.path") + "'", Main.class.getName(),
                    "query", "--server", "http://127.0.0.1:" + service.port()));
            Process shell = new ProcessBuilder("script", "-qefc", cli, "/dev/null").redirectErrorStream(true).start();
            try (OutputStream keys = shell.getOutputStream()) {
                keys.write(("select n_name\nfrom nation where n_nationkey = 1;\n.timer on\nselect count(*) as regions from region;\n.tables\n\\d region\n.quit\n")
                        .getBytes(StandardCharsets.UTF_8));
                keys.flush();
                assertTrue(shell.waitFor(2, TimeUnit.MINUTES), "the shell ends at .quit");
            }
            String screen = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, shell.exitValue(), screen);
            assertTrue(screen.contains("     ...> "), "the first statement continues on a second line: " + screen);
            assertTrue(screen.contains("| " + duckDb(folder, "select n_name from nation where n_nationkey = 1") + " "), screen);
            assertTrue(screen.matches("(?s).*\\| +" + duckDb(folder, "select count(*) from region") + " \\|.*"), screen);
            assertTrue(screen.contains("Run Time: "), "timed after .timer on: " + screen);
            assertTrue(screen.matches("(?s).*\\| tpch +\\| lineitem +\\|.*"), ".tables lists the lake's tables: " + screen);
            assertTrue(screen.matches("(?s).*\\| r_regionkey +\\| \\w+ +\\|.*"), "\\d region lists its columns: " + screen);
        }
    }

    private static String duckDb(Path folder, String sql) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            for (String table : List.of("nation", "region")) {
                statement.execute("create view " + table + " as select * from read_parquet('" + folder.resolve("lake").resolve("tpch").resolve(table)
                        + "/*.parquet')");
            }
            try (ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
