package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.demo.GenerationProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE TABLE ... AS SELECT ... THROUGH from the CLI: the service runs the query, the table lands in
 * the client's DuckDB in the folder the user gave, later queries of that client read it, and no
 * file is written where the user did not say.
 */
class CreateTableAsTest {
    @TempDir
    static Path lake;
    @TempDir
    static Path cache;
    @TempDir
    static Path home;
    static EmbeddedService service;
    static String server;

    /** What one run of the CLI printed, and its exit code. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 1), GenerationProgress.SILENT);
        server = "http://127.0.0.1:" + service.port();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void theTableIsCreatedInTheClientsOwnEngineAndLaterQueriesReadIt() throws Exception {
        String create = "CREATE TABLE asia AS SELECT n_name, n_nationkey THROUGH '" + server + "' FROM nation WHERE n_regionkey = 2";
        Run created = cli(create, "--cache", cache.toString());
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().contains("client tables: asia"), created.out());
        try (Connection client = DriverManager.getConnection("jdbc:duckdb:" + cache.resolve(ClientTables.DATABASE_FILE));
                Statement statement = client.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), min(n_name) FROM asia")) {
            rows.next();
            assertEquals(5, rows.getLong(1));
            assertEquals("CHINA", rows.getString(2));
        }

        Run again = cli(create, "--cache", cache.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already exists") && again.err().contains("CREATE OR REPLACE"), again.err());
        assertFalse(again.err().contains("\tat "), "no stack trace: " + again.err());

        for (int run = 0; run < 3; run++) {
            Run read = cli("SELECT n_name FROM asia ORDER BY n_name LIMIT 1", "--cache", cache.toString());
            assertEquals(0, read.exit(), read.err());
            assertTrue(read.out().contains("CHINA") && read.out().contains("on the client, from its tables"), read.out());
        }
        Run lakeQuery = cli("SELECT count(*) AS n FROM nation", "--cache", cache.toString());
        assertEquals(0, lakeQuery.exit(), lakeQuery.err());
        assertTrue(lakeQuery.out().contains("25"), "a lake table is still the service's: " + lakeQuery.out());
    }

    @Test
    void withoutACacheFolderCreateTableIsRefusedAndWritesNothing() throws Exception {
        String userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Run refused = cli("CREATE TABLE t AS SELECT 1 AS x");
            assertEquals(2, refused.exit(), refused.err());
            assertTrue(refused.err().contains("--cache DIR"), refused.err());
        } finally {
            System.setProperty("user.home", userHome);
        }
        try (Stream<Path> written = Files.list(home)) {
            assertEquals(List.of(), written.toList(), "nothing in the home folder");
        }
    }

    private static Run cli(String sql, String... options) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new java.util.ArrayList<>(List.of("query", sql, "--server", server));
            args.addAll(List.of(options));
            int exit = Main.run(args);
            return new Run(exit, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
