package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.HttpSettings;
import io.puffindb.web.PuffinConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.adbc.core.AdbcConnection;
import org.apache.arrow.adbc.core.AdbcDatabase;
import org.apache.arrow.adbc.core.AdbcDriver;
import org.apache.arrow.adbc.core.AdbcStatement;
import org.apache.arrow.adbc.driver.flightsql.FlightSqlDriver;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Arrow Flight SQL endpoint through real clients: the Flight SQL JDBC driver (as DBeaver or a Java
 * program connects) for metadata, the 22 TPC-H queries, a prepared statement with parameters and a
 * cancel, and ADBC's Flight SQL driver reading an answer as Arrow; each answer DuckDB's alone over the
 * same files (names, types, exact DECIMAL and DATE values). A service with users refuses a connection without a token.
 */
class FlightSqlClientsTest {
    private static final String TOKEN = "flight-sql-test-token-0123456789";
    @TempDir
    static Path lake;
    static CheckedService puffin;

    @BeforeAll
    static void start() throws Exception {
        puffin = CheckedService.start(lake, PuffinConfig.embedded(lake, 0, 2), "tpch");
    }

    @AfterAll
    static void stop() throws Exception {
        puffin.close();
    }

    private static Connection connect(EmbeddedService service, Properties properties) throws SQLException {
        return DriverManager.getConnection("jdbc:arrow-flight-sql://localhost:" + service.flightSqlPort().orElseThrow() + "?useEncryption=false",
                properties);
    }

    @Test
    void databaseMetaDataListsTheLakesSchemasTablesAndColumns() throws Exception {
        try (Connection connection = connect(puffin.service(), new Properties())) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> schemas = strings(metadata.getSchemas(), "TABLE_SCHEM");
            assertTrue(schemas.contains("tpch"), schemas.toString());
            List<String> tables = strings(metadata.getTables("", "tpch", "%", null), "TABLE_NAME");
            assertEquals(List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"),
                    tables.stream().sorted().toList());
            assertEquals(List.of("TABLE"), strings(metadata.getTableTypes(), "TABLE_TYPE"));

            ResultTable described = puffin.oracle().run("SELECT column_name, column_type FROM (DESCRIBE tpch.lineitem)", puffin.allocator());
            List<String> columns = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try (ResultSet rows = metadata.getColumns("", "tpch", "lineitem", "%")) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME"));
                    types.add(rows.getInt("DATA_TYPE") == java.sql.Types.DECIMAL
                            ? "DECIMAL(" + rows.getInt("COLUMN_SIZE") + "," + rows.getInt("DECIMAL_DIGITS") + ")"
                            : java.sql.JDBCType.valueOf(rows.getInt("DATA_TYPE")).getName());
                }
            }
            assertEquals(described.rows().stream().map(row -> (String) row.get(0)).toList(), columns);
            assertEquals("DECIMAL(15,2)", types.get(columns.indexOf("l_extendedprice")));
            assertEquals("DATE", types.get(columns.indexOf("l_shipdate")));
            assertTrue(strings(metadata.getPrimaryKeys(null, "tpch", "lineitem"), "COLUMN_NAME").isEmpty(), "lake tables declare no keys");
        }
    }

    @Test
    void theTpchQueriesAnswerAsDuckDbAloneThroughJdbc() throws Exception {
        List<String> failures = new ArrayList<>();
        List<QueryCase> cases = TpchCases.all();
        assertEquals(22, cases.size());
        try (Connection connection = connect(puffin.service(), new Properties()); Statement statement = connection.createStatement()) {
            for (QueryCase queryCase : cases) {
                ResultTable actual;
                try (ResultSet results = statement.executeQuery(queryCase.sql())) {
                    actual = JdbcResults.read(results);
                }
                ResultTable duckdb = puffin.oracle().run(queryCase.sql(), puffin.allocator());
                CaseChecker.differences(new ExpectedResult.Expected(duckdb, duckdb.rows().size(), null), actual, queryCase.sql())
                        .ifPresent(diff -> failures.add(queryCase.name() + ": " + diff));
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aPreparedStatementBindsDecimalDateAndVarcharParameters() throws Exception {
        String sql = "SELECT l_orderkey, l_linenumber, l_extendedprice, l_shipdate, l_shipmode FROM lineitem"
                + " WHERE l_discount = ? AND l_shipdate < ? AND l_shipmode = ? ORDER BY l_orderkey, l_linenumber";
        String bound = "SELECT l_orderkey, l_linenumber, l_extendedprice, l_shipdate, l_shipmode FROM lineitem"
                + " WHERE l_discount = 0.05 AND l_shipdate < DATE '1994-01-01' AND l_shipmode = 'AIR' ORDER BY l_orderkey, l_linenumber";
        ResultTable duckdb = puffin.oracle().run(bound, puffin.allocator());
        assertFalse(duckdb.rows().isEmpty(), "the parameters select some rows");
        try (Connection connection = connect(puffin.service(), new Properties()); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBigDecimal(1, new BigDecimal("0.05"));
            statement.setDate(2, java.sql.Date.valueOf(LocalDate.of(1994, 1, 1)));
            statement.setString(3, "AIR");
            try (ResultSet results = statement.executeQuery()) {
                ResultTable actual = JdbcResults.read(results);
                assertEquals(Optional.empty(), CaseChecker.differences(new ExpectedResult.Expected(duckdb, duckdb.rows().size(), null), actual, bound));
            }
            assertEquals(3, statement.getParameterMetaData().getParameterCount());
            // The same statement again with other values: bound anew, not the first values kept.
            statement.setString(3, "RAIL");
            ResultTable rail = puffin.oracle().run(bound.replace("'AIR'", "'RAIL'"), puffin.allocator());
            try (ResultSet results = statement.executeQuery()) {
                assertEquals(rail.rows().size(), JdbcResults.read(results).rows().size());
            }
        }
    }

    @Test
    void aLongQueryIsListedWhileItStreamsAndACancelStopsItsReader() throws Exception {
        String sql = "SELECT l.l_orderkey, l.l_comment, n.n_name FROM lineitem AS l, nation AS n";
        HttpClient http = HttpClient.newHttpClient();
        URI queries = URI.create("http://127.0.0.1:" + puffin.service().port() + "/v1/queries");
        try (Connection connection = connect(puffin.service(), new Properties()); Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(sql)) {
            assertTrue(results.next());
            JsonNode listed = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(queries).build(), HttpResponse.BodyHandlers.ofString()).body());
            List<String> ids = new ArrayList<>();
            listed.path("queries").forEach(query -> {
                if (query.path("sql").asText().equals(sql)) {
                    ids.add(query.path("queryId").asText());
                }
            });
            assertEquals(1, ids.size(), "the Flight SQL query is among the service's running queries: " + listed);
            HttpResponse<String> cancelled = http.send(HttpRequest.newBuilder(URI.create(queries + "/" + ids.get(0))).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            // The driver lets the stream's status out of next() as it is (a FlightRuntimeException), not as an SQLException.
            Exception stopped = assertThrows(Exception.class, () -> {
                while (results.next()) {
                    // read on until the cancel reaches the stream
                }
            }, "1.5 million rows are far more than the batches sent before the cancel");
            assertTrue(fullMessage(stopped).contains("CANCELLED: Query was cancelled"), fullMessage(stopped));
        }
        JsonNode after = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(queries).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(0, after.path("queries").size(), "a cancelled query is no longer running: " + after);
    }

    @Test
    void timestampsAnswerAndBindExactly() throws Exception {
        String sql = "SELECT o_orderkey, CAST(o_orderdate AS TIMESTAMP) AS placed FROM orders WHERE CAST(o_orderdate AS TIMESTAMP) < ? ORDER BY o_orderkey";
        String bound = sql.replace("?", "TIMESTAMP '1992-01-05 12:30:00'");
        ResultTable duckdb = puffin.oracle().run(bound, puffin.allocator());
        assertFalse(duckdb.rows().isEmpty(), "the parameter selects some rows");
        try (Connection connection = connect(puffin.service(), new Properties()); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(1992, 1, 5, 12, 30)));
            try (ResultSet results = statement.executeQuery()) {
                assertEquals(Optional.empty(), CaseChecker.differences(new ExpectedResult.Expected(duckdb, duckdb.rows().size(), null),
                        JdbcResults.read(results), bound));
            }
        }
    }

    @Test
    void adbcReadsAnAnswerAsArrowEqualToDuckDbs() throws Exception {
        QueryCase q3 = TpchCases.named("tpch-q03");
        Map<String, Object> parameters = new HashMap<>();
        AdbcDriver.PARAM_URI.set(parameters, "grpc+tcp://localhost:" + puffin.service().flightSqlPort().orElseThrow());
        try (BufferAllocator allocator = new RootAllocator();
                AdbcDatabase database = new FlightSqlDriver(allocator).open(parameters);
                AdbcConnection connection = database.connect();
                AdbcStatement statement = connection.createStatement()) {
            statement.setSqlQuery(q3.sql());
            ResultTable actual;
            try (AdbcStatement.QueryResult result = statement.executeQuery(); ArrowReader reader = result.getReader()) {
                actual = ResultTable.read(reader);
            }
            ResultTable duckdb = puffin.oracle().run(q3.sql(), puffin.allocator());
            assertEquals(duckdb.types(), actual.types(), "the Arrow types themselves");
            assertEquals(Optional.empty(), CaseChecker.differences(new ExpectedResult.Expected(duckdb, duckdb.rows().size(), null), actual, q3.sql()));
        }
    }

    @Test
    void flightSqlQueriesEnterTheHistoryFinishedOrFailed() throws Exception {
        String good = "SELECT n_name FROM nation WHERE n_regionkey = 2 -- history check";
        // Valid, so it is prepared and described, but fails as it runs: the JDBC driver prepares every statement.
        String bad = "SELECT CAST(n_name AS INTEGER) AS n FROM nation -- history check";
        try (Connection connection = connect(puffin.service(), new Properties()); Statement statement = connection.createStatement()) {
            int rows = 0;
            try (ResultSet results = statement.executeQuery(good)) {
                while (results.next()) {
                    rows++;
                }
            }
            assertThrows(SQLException.class, () -> statement.executeQuery(bad));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + puffin.service().port() + "/v1/queries?state=finished&limit=1000")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode history = new ObjectMapper().readTree(response.body()).get("queries");
            JsonNode finished = find(history, good);
            assertEquals("FINISHED", finished.get("state").asText());
            assertEquals(rows, finished.get("rows").asInt());
            JsonNode failed = find(history, bad);
            assertEquals("FAILED", failed.get("state").asText());
            assertEquals("QUERY_FAILED", failed.get("error").get("code").asText(), failed.toString());
        }
    }

    private static JsonNode find(JsonNode history, String sql) {
        for (JsonNode query : history) {
            if (query.get("sql").asText().equals(sql)) {
                return query;
            }
        }
        throw new AssertionError("not in the history: " + sql + "\n" + history);
    }

    @Test
    void aParseErrorCarriesItsCodeLineAndColumn() throws Exception {
        try (Connection connection = connect(puffin.service(), new Properties()); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1\nFROM FROM lineitem"));
            String message = fullMessage(error);
            assertTrue(message.contains("PARSE_ERROR at line 2, column"), message);
        }
    }

    @Test
    void aServiceWithUsersRefusesAConnectionWithoutItsToken() throws Exception {
        PuffinConfig withUsers = PuffinConfig.embedded(lake, 0, 0).withHttp(HttpSettings.loopback().withAuthToken("alice:" + TOKEN));
        try (EmbeddedService service = EmbeddedService.start(withUsers, GenerationProgress.SILENT)) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Connection connection = connect(service, new Properties()); Statement statement = connection.createStatement()) {
                    statement.executeQuery("SELECT 1").close();
                }
            });
            assertTrue(fullMessage(refused).contains("UNAUTHENTICATED"), fullMessage(refused));
            Properties token = new Properties();
            token.setProperty("token", TOKEN);
            try (Connection connection = connect(service, token); Statement statement = connection.createStatement();
                    ResultSet results = statement.executeQuery("SELECT count(*) AS n FROM nation")) {
                assertTrue(results.next());
                assertEquals(25, results.getLong("n"));
            }
        }
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        try (rows) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(column));
            }
            return values;
        }
    }

    private static String fullMessage(Throwable error) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            message.append(cause.getMessage()).append(" | ");
        }
        return message.toString();
    }
}
