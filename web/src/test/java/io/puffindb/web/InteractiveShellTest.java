package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.demo.GenerationProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
    static Path lake;
    static EmbeddedService service;

    @BeforeAll
    static void start() {
        service = EmbeddedService.start(PuffinConfig.embedded(lake.resolve("lake"), 0, 1), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /**
     * Types {@code keys} into a shell at a pseudo-terminal whose home is {@code home}, once it shows its
     * first prompt (as a person would: what is typed earlier would answer the terminal probes the line
     * editor sends at start); what the terminal showed.
     */
    private static String typeIntoShell(Path home, String keys) throws Exception {
        String cli = String.join(" ", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", "'" + System.getProperty("java.class.path") + "'", Main.class.getName(),
                "query", "--server", "http://127.0.0.1:" + service.port()));
        Process shell = new ProcessBuilder("script", "-qefc", cli, "/dev/null").redirectErrorStream(true).start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        CompletableFuture<Void> shown = CompletableFuture.runAsync(() -> {
            try {
                shell.getInputStream().transferTo(screen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (OutputStream typed = shell.getOutputStream()) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!screen.toString(StandardCharsets.UTF_8).contains("puffindb> ") && System.nanoTime() < deadline && shell.isAlive()) {
                Thread.sleep(50);
            }
            typed.write(keys.getBytes(StandardCharsets.UTF_8));
            typed.flush();
            assertTrue(shell.waitFor(2, TimeUnit.MINUTES), "the shell ends at .quit: " + screen.toString(StandardCharsets.UTF_8));
        }
        shown.get(1, TimeUnit.MINUTES);
        assertEquals(0, shell.exitValue(), screen.toString(StandardCharsets.UTF_8));
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theShellRunsTwoStatementsTypedAtATerminalAndPrintsBothTables() throws Exception {
        String screen = typeIntoShell(lake.resolve("home"),
                "select n_name\nfrom nation where n_nationkey = 1;\n.timer on\nselect count(*) as regions from region;\n.tables\n\\d region\n.quit\n");
        assertTrue(screen.contains("     ...> "), "the first statement continues on a second line: " + screen);
        assertTrue(screen.contains("| " + duckDb("select n_name from nation where n_nationkey = 1") + " "), screen);
        assertTrue(screen.matches("(?s).*\\| +" + duckDb("select count(*) from region") + " \\|.*"), screen);
        assertTrue(screen.contains("Run Time: "), "timed after .timer on: " + screen);
        assertTrue(screen.matches("(?s).*\\| tpch +\\| lineitem +\\|.*"), ".tables lists the lake's tables: " + screen);
        assertTrue(screen.matches("(?s).*\\| r_regionkey +\\| \\w+ +\\|.*"), "\\d region lists its columns: " + screen);
    }

    @Test
    void aStatementFromAnEarlierSessionComesBackWithTheUpArrow() throws Exception {
        Path home = lake.resolve("history-home");
        String first = typeIntoShell(home, "select 41 + 1 as answer;\n.quit\n");
        assertTrue(first.matches("(?s).*\\| +42 \\|.*"), first);
        assertTrue(Files.readString(home.resolve(".puffindb_history")).contains("select 41 + 1 as answer;"), "kept in ~/.puffindb_history");
        // A new session: the up arrow (ESC O A: the line editor puts the terminal's cursor keys in application mode), twice
        // since the last line typed was .quit, brings the statement back; Enter runs it.
        String second = typeIntoShell(home, "\u001bOA\u001bOA\n.quit\n");
        assertTrue(second.matches("(?s).*\\| +42 \\|.*"), "the recalled statement ran again: " + second);
    }

    private static String duckDb(String sql) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            for (String table : List.of("nation", "region")) {
                statement.execute("create view " + table + " as select * from read_parquet('" + lake.resolve("lake").resolve("tpch").resolve(table)
                        + "/*.parquet')");
            }
            try (ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
