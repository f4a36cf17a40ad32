package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.puffindb.lake.demo.GenerationProgress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE TABLE ... AS SELECT ... THROUGH from the CLI: the service runs the query, the table lands in the client's DuckDB. */
class CreateTableAsTest {
    @TempDir
    Path lake;
    @TempDir
    Path cache;

    @Test
    void theTableIsCreatedInTheClientsOwnEngine() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 1), GenerationProgress.SILENT)) {
            String server = "http://127.0.0.1:" + service.port();
            int exit = Main.run(List.of("query", "CREATE TABLE asia AS SELECT n_name, n_nationkey THROUGH 'http://127.0.0.1:" + service.port()
                    + "' FROM nation WHERE n_regionkey = 2", "--server", server, "--cache", cache.toString()));
            assertEquals(0, exit);
        }
        try (Connection client = DriverManager.getConnection("jdbc:duckdb:" + cache.resolve(ClientTables.DATABASE_FILE));
                Statement statement = client.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), min(n_name) FROM asia")) {
            rows.next();
            assertEquals(5, rows.getLong(1));
            assertEquals("CHINA", rows.getString(2));
        }
    }
}
